package org.learningcities.contracts.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A session became part of the released programme.
 *
 * @param titles            title per BCP 47 language tag
 * @param region            UNESCO region of a parallel regional forum, otherwise null
 * @param scheduleVersion   the release that published it
 */
public record SessionScheduled(
        String sessionId,
        String conferenceId,
        int scheduleVersion,
        String type,
        String region,
        Map<String, String> titles,
        String roomId,
        String roomName,
        Instant startsAt,
        Instant endsAt,
        List<String> floorLanguages,
        List<String> interpretationLanguages,
        List<String> speakers,
        Integer capacity,
        boolean enrolmentRequired) implements IntegrationEvent {

    public SessionScheduled {
        titles = Map.copyOf(titles);
        floorLanguages = List.copyOf(floorLanguages);
        interpretationLanguages = List.copyOf(interpretationLanguages);
        speakers = List.copyOf(speakers);
    }

    @Override
    public String subject() {
        return sessionId;
    }
}
