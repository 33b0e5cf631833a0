package org.learningcities.interpretation.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds booths and interpreters the way coordinators describe them: "zh:A en:B fr:C", 09:00-12:00 on a day. */
final class Fixtures {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2013, 10, 21);
    static final PlanningRules RULES = PlanningRules.UN_PRACTICE;

    private Fixtures() {
    }

    /** A booth whose language is bidirectional when it is also spoken on the floor (retour), as in the UN. */
    static BoothNeed booth(String sessionId, String language, LocalDate day, String from, String to, String roomId,
                           List<String> floorLanguages, List<String> boothLanguages) {
        var startsAt = day.atTime(LocalTime.parse(from)).atZone(BEIJING).toInstant();
        var endsAt = day.atTime(LocalTime.parse(to)).atZone(BEIJING).toInstant();
        boolean bidirectional = floorLanguages.contains(language);
        List<String> others = boothLanguages.stream().filter(other -> !other.equals(language)).toList();
        return new BoothNeed(sessionId, "iclc-2013", language, startsAt, endsAt, day, roomId, floorLanguages, others,
                bidirectional, RULES.teamSize(bidirectional, Duration.between(startsAt, endsAt)));
    }

    /** A simple one-booth session from English in the plenary hall. */
    static BoothNeed booth(String sessionId, String language, LocalDate day, String from, String to) {
        return booth(sessionId, language, day, from, to, "plenary-hall", List.of("en"), List.of(language));
    }

    static RosterInterpreter interpreter(String id, String languages, LocalDate... availableDays) {
        return interpreter(id, languages, null, availableDays);
    }

    static RosterInterpreter interpreter(String id, String languages, String homeRoomId, LocalDate... availableDays) {
        Map<String, LanguageClass> classes = new HashMap<>();
        for (String entry : languages.split(" ")) {
            String[] parts = entry.split(":");
            classes.put(parts[0], LanguageClass.valueOf(parts[1]));
        }
        return new RosterInterpreter(id, classes, Set.copyOf(Arrays.asList(availableDays)), homeRoomId);
    }

    static LocalDate day(int octoberDay) {
        return LocalDate.of(2013, 10, octoberDay);
    }
}
