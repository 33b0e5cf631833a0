package org.learningcities.agenda.personal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A released session on a delegate's agenda.
 *
 * @param enrolment        CONFIRMED or WAITLISTED for a session that requires enrolment; null for one open to all
 * @param waitlistPosition the delegate's place in line while WAITLISTED
 * @param sequence         increases whenever a release changes the session, so calendar clients replace their copy
 */
record AgendaSession(
        String sessionId,
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
        int sequence,
        String enrolment,
        Integer waitlistPosition) {

    AgendaSession {
        titles = Map.copyOf(titles);
        floorLanguages = List.copyOf(floorLanguages);
        interpretationLanguages = List.copyOf(interpretationLanguages);
        speakers = List.copyOf(speakers);
    }

    boolean waitlisted() {
        return "WAITLISTED".equals(enrolment);
    }

    /** The title in the first of the delegate's languages that has one, else English, else any. */
    String title(List<String> preferredLanguages) {
        return preferredLanguages.stream()
                .filter(titles::containsKey)
                .findFirst()
                .or(() -> titles.containsKey("en")
                        ? Optional.of("en") : titles.keySet().stream().sorted().findFirst())
                .map(titles::get)
                .orElse(sessionId);
    }
}
