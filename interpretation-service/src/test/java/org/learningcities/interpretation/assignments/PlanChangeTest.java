package org.learningcities.interpretation.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.interpretation.CoverageChanged;
import org.learningcities.contracts.interpretation.InterpreterReleased;
import org.learningcities.interpretation.assignments.Plans.CurrentAssignment;
import org.learningcities.interpretation.assignments.Plans.CurrentCoverage;
import org.learningcities.interpretation.assignments.Plans.Placement;
import org.learningcities.interpretation.assignments.Requirements.Needs;
import org.learningcities.interpretation.assignments.Requirements.Session;
import org.learningcities.interpretation.planning.BoothCoverage;
import org.learningcities.interpretation.planning.LanguageClass;
import org.learningcities.interpretation.planning.PlannedAssignment;
import org.learningcities.interpretation.planning.RosterInterpreter;

/** Which differences between two plans become events, without a database. */
class PlanChangeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2013-10-21T01:00:00Z");
    private static final Instant END = Instant.parse("2013-10-21T03:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2013, 10, 21);
    private static final Instant EARLIER = Instant.parse("2013-10-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2013-10-02T00:00:00Z");

    private final Session plenary = new Session("s1", START, END, "hall", "Plenary Hall", 4, false, List.of("en"),
            List.of("fr"), List.of());
    private final Needs needs = new Needs(BEIJING, List.of(), List.of(), Map.of("s1", plenary));
    private final CurrentCoverage frenchBefore = new CurrentCoverage(
            new BoothCoverage("s1", "fr", "COVERED", List.of("a", "b"), 2, null, null),
            new Placement(START, END, "hall"));

    @Test
    void releasesAnInterpreterWhoIsNoLongerAvailableThatDayAsUnavailable() {
        PlanChange change = PlanChange.between("c", List.of(seat("a"), seat("b")), List.of(frenchBefore),
                List.of(assignment("a", null), assignment("c", null)),
                List.of(new BoothCoverage("s1", "fr", "COVERED", List.of("a", "c"), 2, null, null)), needs,
                List.of(french("a", DAY), french("b", DAY.plusDays(1)), french("c", DAY)), NOW);

        assertThat(change.events()).filteredOn(InterpreterReleased.class::isInstance).singleElement()
                .isEqualTo(new InterpreterReleased("s1", "c", "b", "fr", "UNAVAILABLE", NOW));
        assertThat(change.events()).noneMatch(CoverageChanged.class::isInstance);
        assertThat(change.assignments()).extracting(CurrentAssignment::assignedAt).containsExactly(EARLIER, NOW);
    }

    @Test
    void releasesAnInterpreterTheSolverMovedOutOfAnUnchangedSessionAsReplanned() {
        PlanChange change = PlanChange.between("c", List.of(seat("a"), seat("b")), List.of(frenchBefore),
                List.of(assignment("a", null), assignment("c", null)),
                List.of(new BoothCoverage("s1", "fr", "COVERED", List.of("a", "c"), 2, null, null)), needs,
                List.of(french("a", DAY), french("b", DAY), french("c", DAY)), NOW);

        assertThat(change.events()).filteredOn(InterpreterReleased.class::isInstance)
                .extracting(event -> ((InterpreterReleased) event).reason()).containsExactly("REPLANNED");
    }

    @Test
    void keepsAnInterpreterWhoseRelayChangedInTheirSeatAndReportsTheBoothsNewRelay() {
        PlanChange change = PlanChange.between("c", List.of(seat("a"), seat("b")), List.of(frenchBefore),
                List.of(assignment("a", "zh"), assignment("b", null)),
                List.of(new BoothCoverage("s1", "fr", "AT_RISK", List.of("a", "b"), 2, "zh", "Relay from zh")), needs,
                List.of(french("a", DAY), french("b", DAY)), NOW);

        assertThat(change.events()).singleElement().isEqualTo(new CoverageChanged("s1", "c", "fr", "AT_RISK",
                "COVERED", 2, 2, "zh", "Relay from zh", NOW));
        assertThat(change.assignments()).extracting(CurrentAssignment::assignedAt).containsOnly(EARLIER);
    }

    private static CurrentAssignment seat(String interpreterId) {
        return new CurrentAssignment(assignment(interpreterId, null), EARLIER);
    }

    private static PlannedAssignment assignment(String interpreterId, String relay) {
        return new PlannedAssignment("s1", "fr", interpreterId, relay);
    }

    private static RosterInterpreter french(String id, LocalDate available) {
        return new RosterInterpreter(id, Map.of("fr", LanguageClass.A, "en", LanguageClass.C), Set.of(available),
                null);
    }
}
