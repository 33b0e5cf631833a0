package org.learningcities.interpretation.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates a conference the size of the largest UN-style events, reproducibly from a seed: 3,000 sessions over 10 days
 * in 60 rooms plus study visits, 6 interpretation languages, and a roster of 600 interpreters with UN-like language
 * profiles (English widely held, most with a B, one to three C languages) and availability.
 */
final class LargeConference {

    static final List<String> LANGUAGES = List.of("en", "fr", "es", "zh", "ar", "ru");
    static final int DAYS = 10;
    static final int ROOMS = 60;
    /** Rooms with booths for every official language, where the plenaries and high-level segments sit. */
    private static final int PLENARY_ROOMS = 4;
    private static final int STUDY_VISITS_PER_DAY = 10;
    private static final int INTERPRETERS = 600;
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** A Monday, so the 10 days span two ISO weeks as a real two-week conference does. */
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 6, 7);

    private final Random random;
    private final double interpretedShare;
    private final PlanningRules rules = PlanningRules.UN_PRACTICE;

    /**
     * @param interpretedShare of the ordinary sessions, how many book interpretation at all: most parallel sessions
     *                         work in one language
     */
    LargeConference(long seed, double interpretedShare) {
        this.random = new Random(seed);
        this.interpretedShare = interpretedShare;
    }

    record Session(String id, LocalDate day, LocalTime from, LocalTime to, String roomId, List<String> floor,
                   List<String> booths) {
    }

    List<Session> sessions() {
        List<Session> sessions = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            for (int room = 1; room <= ROOMS; room++) {
                String roomId = "room-" + room;
                if (room <= PLENARY_ROOMS) {
                    sessions.add(session(sessions.size(), day, "09:00", "12:30", roomId, LANGUAGES));
                    sessions.add(session(sessions.size(), day, "14:30", "17:30", roomId, LANGUAGES));
                    sessions.add(session(sessions.size(), day, "18:30", "20:00", roomId, LANGUAGES));
                } else {
                    for (String from : List.of("09:00", "11:00", "14:00", "16:00", "18:00")) {
                        String to = LocalTime.parse(from).plusMinutes(90).toString();
                        sessions.add(session(sessions.size(), day, from, to, roomId, null));
                    }
                }
            }
            for (int visit = 0; visit < STUDY_VISITS_PER_DAY; visit++) {
                sessions.add(session(sessions.size(), day, "09:30", "16:00", null, null));
            }
        }
        return sessions;
    }

    /**
     * @param booths the booth languages, or null to draw them (usually none); a plenary with every booth has English
     *               and another language on the floor, so every booth has a floor language to work from
     */
    private Session session(int number, LocalDate day, String from, String to, String roomId, List<String> booths) {
        List<String> floor = booths == null ? floorLanguages() : bilingualFloor();
        List<String> boothLanguages = booths;
        if (boothLanguages == null) {
            boothLanguages = random.nextDouble() < interpretedShare ? drawBooths(floor) : List.of();
        }
        return new Session("session-" + (number + 1), day, LocalTime.parse(from), LocalTime.parse(to), roomId, floor,
                boothLanguages);
    }

    /** Mostly English alone; a third of sessions add a second language, a few use another language alone. */
    private List<String> floorLanguages() {
        double draw = random.nextDouble();
        if (draw < 0.55) {
            return List.of("en");
        }
        if (draw < 0.67) {
            return List.of(LANGUAGES.get(1 + random.nextInt(LANGUAGES.size() - 1)));
        }
        return bilingualFloor();
    }

    private List<String> bilingualFloor() {
        return List.of("en", LANGUAGES.get(1 + random.nextInt(LANGUAGES.size() - 1)));
    }

    /** Two or three languages beyond the floor, plus a booth into each floor language when there are two of them. */
    private List<String> drawBooths(List<String> floor) {
        Set<String> booths = new LinkedHashSet<>(floor.size() > 1 ? floor : List.of());
        int wanted = booths.size() + 2 + random.nextInt(2);
        while (booths.size() < wanted) {
            String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            if (!floor.contains(language)) {
                booths.add(language);
            }
        }
        return List.copyOf(booths);
    }

    List<BoothNeed> boothNeeds(List<Session> sessions) {
        List<BoothNeed> needs = new ArrayList<>();
        for (Session session : sessions) {
            for (String language : session.booths()) {
                var startsAt = session.day().atTime(session.from()).atZone(ZONE).toInstant();
                var endsAt = session.day().atTime(session.to()).atZone(ZONE).toInstant();
                boolean bidirectional = session.floor().contains(language);
                List<String> others = session.booths().stream().filter(other -> !other.equals(language)).toList();
                needs.add(new BoothNeed(session.id(), "large", language, startsAt, endsAt, session.day(), session.roomId(),
                        session.floor(), others, bidirectional,
                        rules.teamSize(bidirectional, Duration.between(startsAt, endsAt))));
            }
        }
        return needs;
    }

    List<RosterInterpreter> roster() {
        List<RosterInterpreter> roster = new ArrayList<>();
        for (int i = 0; i < INTERPRETERS; i++) {
            String a = LANGUAGES.get(i % LANGUAGES.size());
            Map<String, LanguageClass> languages = new HashMap<>(Map.of(a, LanguageClass.A));
            if (random.nextDouble() < 0.65) {
                languages.putIfAbsent(a.equals("en") ? pick("fr", "es", "zh", "ar", "ru") : pick("en", "en", "en", "fr"),
                        LanguageClass.B);
            }
            for (int c = 1 + random.nextInt(3); c > 0; c--) {
                languages.putIfAbsent(pick("en", "en", "en", "fr", "fr", "es", "es", "ru", "ar", "zh"), LanguageClass.C);
            }
            roster.add(new RosterInterpreter("interpreter-" + (i + 1), languages, availability(),
                    random.nextDouble() < 0.3 ? "room-" + (1 + random.nextInt(PLENARY_ROOMS)) : null));
        }
        return roster;
    }

    /** Most are booked for the whole conference; others for a contiguous stretch of it, as freelancers are. */
    private Set<LocalDate> availability() {
        int length = random.nextDouble() < 0.6 ? DAYS : 5 + random.nextInt(DAYS - 5);
        int first = random.nextInt(DAYS - length + 1);
        Set<LocalDate> days = new HashSet<>();
        for (int d = first; d < first + length; d++) {
            days.add(FIRST_DAY.plusDays(d));
        }
        return days;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Counts of language classes, for the benchmark's description of the roster. */
    static Map<LanguageClass, Long> classCounts(List<RosterInterpreter> roster) {
        Map<LanguageClass, Long> counts = new EnumMap<>(LanguageClass.class);
        roster.forEach(interpreter -> interpreter.languages().values().forEach(c -> counts.merge(c, 1L, Long::sum)));
        return counts;
    }
}
