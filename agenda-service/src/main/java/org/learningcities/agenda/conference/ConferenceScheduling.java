package org.learningcities.agenda.conference;

import org.learningcities.messaging.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates conference editions and tells the other services about them. */
@Service
public class ConferenceScheduling {

    private final Conferences conferences;
    private final Outbox outbox;

    ConferenceScheduling(Conferences conferences, Outbox outbox) {
        this.conferences = conferences;
        this.outbox = outbox;
    }

    /** The row and the ConferenceScheduled event commit together or not at all. */
    @Transactional
    public Conference schedule(ConferenceRequest request) {
        Conference conference = request.toConference(ConferenceIds.next(request.city(), request.startDate()));
        conferences.insert(conference);
        outbox.publish(conference.scheduled());
        return conference;
    }
}
