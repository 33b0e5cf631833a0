package org.learningcities.interpretation.receivers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Receivers", description = "Headset demand per interpretation channel")
class ReceiverDemandController {

    private final ListeningLanguages listeningLanguages;

    ReceiverDemandController(ListeningLanguages listeningLanguages) {
        this.listeningLanguages = listeningLanguages;
    }

    @GetMapping("/api/conferences/{conferenceId}/interpretation/receivers")
    @Operation(summary = "Headset demand per interpretation channel",
            description = "Counts every registered delegate of the conference once in each language they listen in, "
                    + "channels sorted by language tag. This is the demand of the whole conference; demand per "
                    + "session follows once delegates enrol in sessions. A conference without delegates has no "
                    + "channels.")
    ReceiverDemand receivers(@PathVariable String conferenceId) {
        return new ReceiverDemand(conferenceId, listeningLanguages.channels(conferenceId));
    }
}
