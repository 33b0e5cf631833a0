package org.learningcities.agenda.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One session of the programme, as drafted or as released: the same shape, so a release can compare
 * the two field by field.
 *
 * @param titles   title per BCP 47 language tag
 * @param capacity seats offered, at most the room's; null when the room's seats are the limit
 */
record Session(
        String id,
        String conferenceId,
        SessionType type,
        UnescoRegion region,
        Map<String, String> titles,
        String roomId,
        String roomName,
        Instant startsAt,
        Instant endsAt,
        List<String> floorLanguages,
        List<String> interpretationLanguages,
        List<String> speakers,
        Integer capacity,
        boolean enrolmentRequired,
        boolean cancelled,
        String cancellationReason) {

    Session {
        titles = Map.copyOf(titles);
        floorLanguages = List.copyOf(floorLanguages);
        interpretationLanguages = List.copyOf(interpretationLanguages);
        speakers = List.copyOf(speakers);
    }

    /** The title to name the session by in summaries: English if there is one. */
    String displayTitle() {
        return titles.getOrDefault("en", titles.values().stream().sorted().findFirst().orElse(id));
    }
}
