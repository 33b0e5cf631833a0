package org.learningcities.interpretation.receivers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Receivers", description = "Headset demand per session and interpretation channel")
class ReceiverDemandController {

    private final ListeningLanguages listeningLanguages;
    private final SessionDemands sessionDemands;

    ReceiverDemandController(ListeningLanguages listeningLanguages, SessionDemands sessionDemands) {
        this.listeningLanguages = listeningLanguages;
        this.sessionDemands = sessionDemands;
    }

    @GetMapping("/api/conferences/{conferenceId}/interpretation/receivers")
    @Transactional(readOnly = true)
    @Operation(summary = "Headset demand per interpretation channel",
            description = "sessions: every released, not cancelled session with interpretation, by start, with "
                    + "the headsets each of its channels (one per interpretation language, i.e. booth) needs. Its "
                    + "audience is the approved delegates with a confirmed enrolment when the session requires "
                    + "enrolment, otherwise every approved delegate of the conference. A delegate who listens in "
                    + "every floor language needs no headset; any other takes one on the session's first "
                    + "interpretation language (in its order of booths) that they listen in; one with no such "
                    + "channel listens to the floor if they understand a floor language, and is counted as not "
                    + "served otherwise. Languages match by exact BCP 47 tag. "
                    + "channels: the conference-wide pool, every delegate not rejected or withdrawn (approved or "
                    + "not yet) once in each language they listen in, sorted by language tag. "
                    + "Follows registrations, approvals, profile changes, enrolments and schedule releases as "
                    + "their events arrive. An unknown conference has no channels and no sessions.")
    ReceiverDemand receivers(@PathVariable String conferenceId) {
        return new ReceiverDemand(conferenceId, listeningLanguages.channels(conferenceId),
                sessionDemands.of(conferenceId));
    }
}
