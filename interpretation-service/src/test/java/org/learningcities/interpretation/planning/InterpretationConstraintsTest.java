package org.learningcities.interpretation.planning;

import static org.learningcities.interpretation.planning.Fixtures.MONDAY;
import static org.learningcities.interpretation.planning.Fixtures.RULES;
import static org.learningcities.interpretation.planning.Fixtures.booth;
import static org.learningcities.interpretation.planning.Fixtures.day;
import static org.learningcities.interpretation.planning.Fixtures.interpreter;

import java.util.List;
import java.util.Set;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

class InterpretationConstraintsTest {

    private final ConstraintVerifier<InterpretationConstraints, SeatingPlan> verifier =
            ConstraintVerifier.build(new InterpretationConstraints(), SeatingPlan.class, Seat.class);

    private static final Interpreter FRENCH_A = new Interpreter(interpreter("fr-a", "fr:A en:B", MONDAY));
    private static final Interpreter ENGLISH_A_FRENCH_C = new Interpreter(interpreter("en-a", "en:A fr:C", MONDAY));
    private static final Interpreter CHINESE_A_ENGLISH_B = new Interpreter(interpreter("zh-a", "zh:A en:B", MONDAY));

    private static int seats;

    private static Seat seat(BoothNeed need, Interpreter interpreter) {
        return seat(need, Set.of(), interpreter);
    }

    private static Seat seat(BoothNeed need, Set<String> previousTeam, Interpreter interpreter) {
        return new Seat("seat-" + ++seats, new Booth(need, previousTeam), List.of(), interpreter);
    }

    private static BoothNeed plenary(String language) {
        return booth("plenary", language, MONDAY, "09:00", "12:00", "plenary-hall", List.of("en", "zh"),
                List.of("en", "zh", "fr", "es"));
    }

    @Test
    void penalisesAnInterpreterWorkingIntoTheirCLanguage() {
        verifier.verifyThat(InterpretationConstraints::intoTheirALanguageOrBWhenTheBoothWorksBothWays)
                .given(seat(plenary("fr"), ENGLISH_A_FRENCH_C))
                .penalizesBy(1);
    }

    @Test
    void penalisesBIntoABoothThatWorksOneWay() {
        verifier.verifyThat(InterpretationConstraints::intoTheirALanguageOrBWhenTheBoothWorksBothWays)
                .given(seat(booth("forum", "en", MONDAY, "09:00", "12:00", "room-2", List.of("fr"), List.of("en")), FRENCH_A),
                        seat(plenary("fr"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void allowsBIntoABoothThatWorksBothWays() {
        verifier.verifyThat(InterpretationConstraints::intoTheirALanguageOrBWhenTheBoothWorksBothWays)
                .given(seat(plenary("en"), CHINESE_A_ENGLISH_B), seat(plenary("zh"), CHINESE_A_ENGLISH_B))
                .penalizesBy(0);
    }

    @Test
    void penalisesAnInterpreterWhoHoldsNeitherAFloorLanguageNorAPivot() {
        BoothNeed arabicFloor = booth("forum", "fr", MONDAY, "09:00", "12:00", "room-2", List.of("ar"), List.of("fr", "ru"));
        verifier.verifyThat(InterpretationConstraints::holdsTheSourceOrTakesRelay)
                .given(seat(arabicFloor, FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void allowsRelayThroughAnotherBoothOfTheSession() {
        BoothNeed arabicFloor = booth("forum", "fr", MONDAY, "09:00", "12:00", "room-2", List.of("ar"), List.of("fr", "en"));
        verifier.verifyThat(InterpretationConstraints::holdsTheSourceOrTakesRelay)
                .given(seat(arabicFloor, FRENCH_A))
                .penalizesBy(0);
    }

    @Test
    void penalisesOverlappingAssignments() {
        verifier.verifyThat(InterpretationConstraints::noOverlappingAssignments)
                .given(RULES, seat(booth("opening", "fr", MONDAY, "09:00", "12:00"), FRENCH_A),
                        seat(booth("forum", "fr", MONDAY, "11:00", "13:00"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void penalisesTwoSeatsOfOneBoothOrTwoBoothsOfOneSession() {
        BoothNeed french = booth("forum", "fr", MONDAY, "09:00", "12:00");
        verifier.verifyThat(InterpretationConstraints::noOverlappingAssignments)
                .given(RULES, seat(french, FRENCH_A), seat(french, FRENCH_A),
                        seat(booth("forum", "en", MONDAY, "09:00", "12:00"), FRENCH_A))
                .penalizesBy(3);
    }

    @Test
    void allowsBackToBackSessionsInOneRoom() {
        verifier.verifyThat(InterpretationConstraints::noOverlappingAssignments)
                .given(RULES, seat(booth("opening", "fr", MONDAY, "09:00", "12:00"), FRENCH_A),
                        seat(booth("closing", "fr", MONDAY, "12:00", "14:00"), FRENCH_A))
                .penalizesBy(0);
    }

    @Test
    void penalisesAssignmentsInDifferentRoomsCloserThanTheGap() {
        verifier.verifyThat(InterpretationConstraints::noOverlappingAssignments)
                .given(RULES,
                        seat(booth("opening", "fr", MONDAY, "09:00", "12:00", "hall-a", List.of("en"), List.of("fr")), FRENCH_A),
                        seat(booth("forum", "fr", MONDAY, "12:15", "14:00", "hall-b", List.of("en"), List.of("fr")), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void penalisesAStudyVisitWithoutARoomCloserThanTheGap() {
        verifier.verifyThat(InterpretationConstraints::noOverlappingAssignments)
                .given(RULES,
                        seat(booth("opening", "fr", MONDAY, "09:00", "12:00", "hall-a", List.of("en"), List.of("fr")), FRENCH_A),
                        seat(booth("visit", "fr", MONDAY, "12:15", "16:00", null, List.of("en"), List.of("fr")), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void allowsDifferentRoomsWithTheGapBetween() {
        verifier.verifyThat(InterpretationConstraints::noOverlappingAssignments)
                .given(RULES,
                        seat(booth("opening", "fr", MONDAY, "09:00", "12:00", "hall-a", List.of("en"), List.of("fr")), FRENCH_A),
                        seat(booth("forum", "fr", MONDAY, "12:30", "14:00", "hall-b", List.of("en"), List.of("fr")), FRENCH_A))
                .penalizesBy(0);
    }

    @Test
    void penalisesAThirdSessionOnOneDay() {
        verifier.verifyThat(InterpretationConstraints::atMostTheDailyCap)
                .given(RULES, seat(booth("s1", "fr", MONDAY, "08:00", "10:00"), FRENCH_A),
                        seat(booth("s2", "fr", MONDAY, "11:00", "13:00"), FRENCH_A),
                        seat(booth("s3", "fr", MONDAY, "14:00", "16:00"), FRENCH_A),
                        seat(booth("s4", "fr", day(22), "14:00", "16:00"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void allowsTwoSessionsOnOneDay() {
        verifier.verifyThat(InterpretationConstraints::atMostTheDailyCap)
                .given(RULES, seat(booth("s1", "fr", MONDAY, "08:00", "10:00"), FRENCH_A),
                        seat(booth("s2", "fr", MONDAY, "11:00", "13:00"), FRENCH_A))
                .penalizesBy(0);
    }

    @Test
    void penalisesAnEighthSessionInOneWeek() {
        verifier.verifyThat(InterpretationConstraints::atMostTheWeeklyCap)
                .given(RULES,
                        seat(booth("s1", "fr", day(21), "09:00", "12:00"), FRENCH_A),
                        seat(booth("s2", "fr", day(21), "14:00", "17:00"), FRENCH_A),
                        seat(booth("s3", "fr", day(22), "09:00", "12:00"), FRENCH_A),
                        seat(booth("s4", "fr", day(22), "14:00", "17:00"), FRENCH_A),
                        seat(booth("s5", "fr", day(23), "09:00", "12:00"), FRENCH_A),
                        seat(booth("s6", "fr", day(23), "14:00", "17:00"), FRENCH_A),
                        seat(booth("s7", "fr", day(24), "09:00", "12:00"), FRENCH_A),
                        seat(booth("s8", "fr", day(27), "14:00", "17:00"), FRENCH_A),
                        // Monday 28 October starts the next ISO week.
                        seat(booth("s9", "fr", day(28), "14:00", "17:00"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void penalisesAnAssignmentOnAnUnavailableDay() {
        verifier.verifyThat(InterpretationConstraints::onlyOnAvailableDays)
                .given(seat(booth("s1", "fr", MONDAY, "09:00", "12:00"), FRENCH_A),
                        seat(booth("s2", "fr", day(22), "09:00", "12:00"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void penalisesAnEmptySeat() {
        verifier.verifyThat(InterpretationConstraints::everySeatFilled)
                .given(seat(plenary("fr"), null), seat(plenary("fr"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void penalisesRelay() {
        BoothNeed arabicFloor = booth("forum", "fr", MONDAY, "09:00", "12:00", "room-2", List.of("ar"), List.of("fr", "en"));
        verifier.verifyThat(InterpretationConstraints::avoidRelay)
                .given(seat(arabicFloor, FRENCH_A), seat(plenary("fr"), FRENCH_A))
                .penalizesBy(1);
    }

    @Test
    void penalisesRelayIntoABoothWhoseOwnLanguageIsTheOnlyFloorLanguageTheyHold() {
        verifier.verifyThat(InterpretationConstraints::avoidRelay)
                .given(seat(plenary("en"), ENGLISH_A_FRENCH_C))
                .penalizesBy(1);
    }

    @Test
    void penalisesTheSquareOfEachWorkload() {
        verifier.verifyThat(InterpretationConstraints::spreadTheWorkloadFairly)
                .given(seat(booth("s1", "fr", MONDAY, "08:00", "10:00"), FRENCH_A),
                        seat(booth("s2", "fr", MONDAY, "11:00", "13:00"), FRENCH_A),
                        seat(booth("s3", "fr", MONDAY, "11:00", "13:00"), ENGLISH_A_FRENCH_C))
                .penalizesBy(2 * 2 + 1);
    }

    @Test
    void rewardsKeepingThePreviousAssignment() {
        verifier.verifyThat(InterpretationConstraints::keepThePreviousPlan)
                .given(seat(plenary("fr"), Set.of("fr-a"), FRENCH_A),
                        seat(plenary("en"), Set.of("zh-a"), ENGLISH_A_FRENCH_C))
                .rewardsWith(1);
    }

    @Test
    void penalisesWorkingAwayFromTheirHomeRoom() {
        Interpreter atHomeInHallA = new Interpreter(interpreter("fr-home", "fr:A en:B", "hall-a", MONDAY));
        verifier.verifyThat(InterpretationConstraints::preferTheirHomeRoom)
                .given(seat(booth("s1", "fr", MONDAY, "08:00", "10:00", "hall-a", List.of("en"), List.of("fr")), atHomeInHallA),
                        seat(booth("s2", "fr", MONDAY, "11:00", "13:00", "hall-b", List.of("en"), List.of("fr")), atHomeInHallA))
                .penalizesBy(1);
    }
}
