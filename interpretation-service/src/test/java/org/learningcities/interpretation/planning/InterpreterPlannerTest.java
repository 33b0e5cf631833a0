package org.learningcities.interpretation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.interpretation.planning.Fixtures.MONDAY;
import static org.learningcities.interpretation.planning.Fixtures.RULES;
import static org.learningcities.interpretation.planning.Fixtures.booth;
import static org.learningcities.interpretation.planning.Fixtures.day;
import static org.learningcities.interpretation.planning.Fixtures.interpreter;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class InterpreterPlannerTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    private static final List<String> FLOOR = List.of("en", "zh");
    private static final List<String> BOOTHS = List.of("en", "zh", "fr", "es");
    private static final LocalDate[] CONFERENCE = {day(21), day(22), day(23)};

    private final InterpreterPlanner planner = new TimefoldInterpreterPlanner(Duration.ofSeconds(1));

    /** The four plenaries of ICLC 2013 in Beijing, with their English, Chinese, French and Spanish booths. */
    private static List<BoothNeed> beijingPlenaries() {
        return Stream.of(
                        plenary("plenary-1", day(21), "09:00", "12:00"),
                        plenary("plenary-2", day(21), "14:00", "17:00"),
                        plenary("plenary-3", day(22), "09:00", "12:00"),
                        plenary("plenary-4", day(23), "14:30", "17:00"))
                .flatMap(List::stream).toList();
    }

    private static List<BoothNeed> plenary(String sessionId, LocalDate day, String from, String to) {
        return BOOTHS.stream().map(language -> booth(sessionId, language, day, from, to, "great-hall", FLOOR, BOOTHS)).toList();
    }

    /** A sample roster as a coordinator would book it: every interpreter holds English, some Chinese too. */
    private static List<RosterInterpreter> beijingRoster() {
        List<RosterInterpreter> roster = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            roster.add(interpreter("zh-" + i, i == 5 ? "zh:A en:B fr:C" : "zh:A en:B", CONFERENCE));
        }
        roster.add(interpreter("zh-6", "zh:A en:C", day(21), day(23)));
        roster.add(interpreter("zh-7", "zh:A en:B", CONFERENCE));
        roster.add(interpreter("en-1", "en:A zh:B", CONFERENCE));
        roster.add(interpreter("en-2", "en:A zh:B", CONFERENCE));
        roster.add(interpreter("en-3", "en:A zh:C", CONFERENCE));
        roster.add(interpreter("en-4", "en:A zh:C fr:C", CONFERENCE));
        roster.add(interpreter("en-5", "en:A fr:B zh:C", CONFERENCE));
        roster.add(interpreter("en-6", "en:A zh:B", CONFERENCE));
        roster.add(interpreter("fr-1", "fr:A en:B zh:C", CONFERENCE));
        roster.add(interpreter("fr-2", "fr:A en:B", CONFERENCE));
        roster.add(interpreter("fr-3", "fr:A en:C", CONFERENCE));
        roster.add(interpreter("fr-4", "fr:A en:C es:C", CONFERENCE));
        roster.add(interpreter("fr-5", "fr:A es:B en:C", CONFERENCE));
        roster.add(interpreter("es-1", "es:A en:B", CONFERENCE));
        roster.add(interpreter("es-2", "es:A en:B fr:C", CONFERENCE));
        roster.add(interpreter("es-3", "es:A en:C fr:C", CONFERENCE));
        roster.add(interpreter("es-4", "es:A en:C zh:C", day(21), day(22)));
        return roster;
    }

    @Test
    void staffsTheBeijingPlenariesWithFullTeams() {
        PlanningResult result = planner.plan(new PlanningProblem(beijingPlenaries(), beijingRoster(), List.of(), RULES), TIME_LIMIT);

        assertThat(result.hardConstraintsBroken()).isZero();
        assertThat(result.assignments()).hasSize(4 * (3 + 3 + 2 + 2));
        assertThat(result.assignments()).allSatisfy(assignment -> assertThat(assignment.relayLanguage()).isNull());
        assertThat(result.coverage()).hasSize(16)
                .allSatisfy(booth -> {
                    assertThat(booth.team()).hasSize(booth.teamSize());
                    assertThat(booth.status()).isIn("COVERED", "AT_RISK");
                });
        assertThat(result.score()).startsWith("0hard/0medium/");
    }

    @Test
    void reportsABoothNobodyCanStaffAsUncovered() {
        List<BoothNeed> booths = new ArrayList<>(beijingPlenaries());
        booths.add(booth("plenary-1", "ar", day(21), "09:00", "12:00", "great-hall", FLOOR, BOOTHS));

        PlanningResult result = planner.plan(new PlanningProblem(booths, beijingRoster(), List.of(), RULES), TIME_LIMIT);

        assertThat(result.hardConstraintsBroken()).isZero();
        assertThat(result.coverage()).filteredOn(booth -> booth.boothLanguage().equals("ar")).singleElement()
                .satisfies(arabic -> {
                    assertThat(arabic.status()).isEqualTo("UNCOVERED");
                    assertThat(arabic.team()).isEmpty();
                    assertThat(arabic.reason()).isEqualTo("0 of 2 interpreters: no interpreter on the roster works into Arabic");
                });
        assertThat(result.assignments()).hasSize(40);
    }

    @Test
    void explainsAnIncompleteTeamByTheDay() {
        BoothNeed chinese = booth("plenary-1", "zh", MONDAY, "09:00", "12:00", "great-hall", FLOOR, List.of("zh"));
        List<RosterInterpreter> roster = List.of(interpreter("zh-1", "zh:A en:B", MONDAY),
                interpreter("zh-2", "zh:A en:C", MONDAY), interpreter("zh-3", "zh:A en:B", day(22)));

        PlanningResult result = planner.plan(new PlanningProblem(List.of(chinese), roster, List.of(), RULES), TIME_LIMIT);

        assertThat(result.assignments()).extracting(PlannedAssignment::interpreterId).containsExactlyInAnyOrder("zh-1", "zh-2");
        assertThat(result.coverage()).singleElement().satisfies(booth -> {
            assertThat(booth.status()).isEqualTo("UNCOVERED");
            assertThat(booth.reason()).isEqualTo(
                    "2 of 3 interpreters: no other interpreter with Chinese A, or B for retour, is available on 2013-10-21");
        });
    }

    @Test
    void takesRelayOnlyWhenNobodyHoldsTheFloorLanguage() {
        List<String> booths = List.of("en", "es");
        List<BoothNeed> needs = booths.stream()
                .map(language -> booth("arab-states-forum", language, MONDAY, "09:00", "12:00", "room-3", List.of("ar"), booths))
                .toList();
        List<RosterInterpreter> roster = List.of(interpreter("en-1", "en:A ar:C", MONDAY), interpreter("en-2", "en:A ar:B", MONDAY),
                interpreter("es-1", "es:A en:B", MONDAY), interpreter("es-2", "es:A en:C", MONDAY));

        PlanningResult result = planner.plan(new PlanningProblem(needs, roster, List.of(), RULES), TIME_LIMIT);

        assertThat(result.hardConstraintsBroken()).isZero();
        assertThat(result.assignments()).filteredOn(assignment -> assignment.boothLanguage().equals("es"))
                .hasSize(2).allSatisfy(assignment -> assertThat(assignment.relayLanguage()).isEqualTo("en"));
        assertThat(result.assignments()).filteredOn(assignment -> assignment.boothLanguage().equals("en"))
                .hasSize(2).allSatisfy(assignment -> assertThat(assignment.relayLanguage()).isNull());
        assertThat(result.coverage()).filteredOn(booth -> booth.boothLanguage().equals("es")).singleElement()
                .satisfies(spanish -> {
                    assertThat(spanish.status()).isEqualTo("AT_RISK");
                    assertThat(spanish.relayLanguage()).isEqualTo("en");
                    assertThat(spanish.reason()).startsWith("relay through English");
                });

        List<RosterInterpreter> withDirectSpanish = new ArrayList<>(roster);
        withDirectSpanish.add(interpreter("es-3", "es:A ar:C", MONDAY));
        withDirectSpanish.add(interpreter("es-4", "es:A ar:B en:C", MONDAY));
        PlanningResult direct = planner.plan(new PlanningProblem(needs, withDirectSpanish, List.of(), RULES), TIME_LIMIT);

        assertThat(direct.assignments()).filteredOn(assignment -> assignment.boothLanguage().equals("es"))
                .extracting(PlannedAssignment::interpreterId).containsExactlyInAnyOrder("es-3", "es-4");
        assertThat(direct.assignments()).allSatisfy(assignment -> assertThat(assignment.relayLanguage()).isNull());
    }

    @Test
    void keepsEveryOtherTeamWhenOneSessionMoves() {
        PlanningResult before = planner.plan(new PlanningProblem(beijingPlenaries(), beijingRoster(), List.of(), RULES), TIME_LIMIT);
        // The closing plenary moves from Wednesday afternoon into hall B on Monday morning, overlapping the opening.
        List<BoothNeed> moved = beijingPlenaries().stream()
                .map(need -> need.sessionId().equals("plenary-4")
                        ? booth("plenary-4", need.language(), day(21), "10:00", "12:30", "hall-b", FLOOR, BOOTHS)
                        : need)
                .toList();
        assertThat(team(before, "plenary-4")).as("someone works both, so the move forces a change")
                .containsAnyElementsOf(team(before, "plenary-1"));

        PlanningResult after = planner.plan(new PlanningProblem(moved, beijingRoster(), before.assignments(), RULES), TIME_LIMIT);

        assertThat(after.hardConstraintsBroken()).isZero();
        assertThat(after.assignments()).hasSize(40);
        Set<PlannedAssignment> changed = new HashSet<>(after.assignments());
        changed.removeAll(before.assignments());
        assertThat(changed).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .allSatisfy(assignment -> assertThat(assignment.sessionId()).isEqualTo("plenary-4"));
    }

    @Test
    void changesTheMovedSessionRatherThanTheSessionsItNowRunsInto() {
        BoothNeed morning = booth("morning", "fr", MONDAY, "09:00", "10:30", "room-1", List.of("en"), List.of("fr"));
        BoothNeed noon = booth("noon", "fr", MONDAY, "11:00", "12:30", "room-1", List.of("en"), List.of("fr"));
        // Was in the afternoon: fr-1 and fr-3 worked it. Now it overlaps both the morning and the noon session.
        BoothNeed moved = booth("moved", "fr", MONDAY, "10:00", "11:30", "room-2", List.of("en"), List.of("fr"));
        List<PlannedAssignment> previous = List.of(
                new PlannedAssignment("morning", "fr", "fr-1", null), new PlannedAssignment("morning", "fr", "fr-2", null),
                new PlannedAssignment("noon", "fr", "fr-3", null), new PlannedAssignment("noon", "fr", "fr-4", null),
                new PlannedAssignment("moved", "fr", "fr-1", null), new PlannedAssignment("moved", "fr", "fr-3", null));
        List<RosterInterpreter> roster = Stream.of("fr-1", "fr-2", "fr-3", "fr-4", "fr-5", "fr-6")
                .map(id -> interpreter(id, "fr:A en:B", MONDAY)).toList();

        PlanningResult result = planner.plan(new PlanningProblem(List.of(morning, noon, moved), roster, previous, RULES), TIME_LIMIT);

        assertThat(result.hardConstraintsBroken()).isZero();
        assertThat(team(result, "morning")).containsExactlyInAnyOrder("fr-1", "fr-2");
        assertThat(team(result, "noon")).containsExactlyInAnyOrder("fr-3", "fr-4");
        assertThat(team(result, "moved")).containsExactlyInAnyOrder("fr-5", "fr-6");
    }

    private static List<String> team(PlanningResult result, String sessionId) {
        return result.assignments().stream().filter(assignment -> assignment.sessionId().equals(sessionId))
                .map(PlannedAssignment::interpreterId).toList();
    }
}
