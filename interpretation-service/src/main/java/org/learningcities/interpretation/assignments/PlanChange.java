package org.learningcities.interpretation.assignments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.learningcities.contracts.IntegrationEvent;
import org.learningcities.contracts.interpretation.CoverageChanged;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.contracts.interpretation.InterpreterReleased;
import org.learningcities.interpretation.assignments.Plans.CurrentAssignment;
import org.learningcities.interpretation.assignments.Plans.CurrentCoverage;
import org.learningcities.interpretation.assignments.Plans.Placement;
import org.learningcities.interpretation.assignments.Requirements.Needs;
import org.learningcities.interpretation.assignments.Requirements.Session;
import org.learningcities.interpretation.planning.BoothCoverage;
import org.learningcities.interpretation.planning.PlannedAssignment;
import org.learningcities.interpretation.planning.RosterInterpreter;

/**
 * A new plan against the current one: the rows to store and only the differences as events, so subscribers hear
 * about the interpreters and booths that changed, not the whole plan again.
 */
record PlanChange(List<CurrentAssignment> assignments, List<CurrentCoverage> coverage, List<IntegrationEvent> events) {

    PlanChange {
        assignments = List.copyOf(assignments);
        coverage = List.copyOf(coverage);
        events = List.copyOf(events);
    }

    static PlanChange between(String conferenceId, List<CurrentAssignment> before, List<CurrentCoverage> coverageBefore,
                              List<PlannedAssignment> planned, List<BoothCoverage> booths, Needs needs,
                              List<RosterInterpreter> roster, Instant now) {
        Map<PlannedAssignment, CurrentAssignment> previous = before.stream()
                .collect(Collectors.toMap(current -> seat(current.assignment()), Function.identity()));
        Map<Booth, CurrentCoverage> previousBooths = coverageBefore.stream()
                .collect(Collectors.toMap(current -> Booth.of(current.booth()), Function.identity()));
        Map<String, RosterInterpreter> interpreters = roster.stream()
                .collect(Collectors.toMap(RosterInterpreter::interpreterId, Function.identity()));
        List<IntegrationEvent> events = new ArrayList<>();

        Set<PlannedAssignment> seats = planned.stream().map(PlanChange::seat).collect(Collectors.toSet());
        for (CurrentAssignment current : before) {
            PlannedAssignment gone = current.assignment();
            if (!seats.contains(seat(gone))) {
                events.add(new InterpreterReleased(gone.sessionId(), conferenceId, gone.interpreterId(),
                        gone.boothLanguage(), releaseReason(gone, needs, previousBooths, interpreters), now));
            }
        }
        List<CurrentAssignment> assignments = new ArrayList<>();
        for (PlannedAssignment assignment : planned) {
            CurrentAssignment kept = previous.get(seat(assignment));
            if (kept == null) {
                events.add(new InterpreterAssigned(assignment.sessionId(), conferenceId, assignment.interpreterId(),
                        assignment.boothLanguage(), assignment.relayLanguage(), now));
            }
            assignments.add(new CurrentAssignment(assignment, kept == null ? now : kept.assignedAt()));
        }

        List<CurrentCoverage> coverage = new ArrayList<>();
        for (BoothCoverage booth : booths) {
            CurrentCoverage earlier = previousBooths.remove(Booth.of(booth));
            BoothCoverage was = earlier == null ? null : earlier.booth();
            if (was == null || !was.status().equals(booth.status()) || was.team().size() != booth.team().size()
                    || !Objects.equals(was.relayLanguage(), booth.relayLanguage())) {
                events.add(new CoverageChanged(booth.sessionId(), conferenceId, booth.boothLanguage(), booth.status(),
                        was == null ? null : was.status(), booth.team().size(), booth.teamSize(),
                        booth.relayLanguage(), booth.reason(), now));
            }
            coverage.add(new CurrentCoverage(booth, placement(needs.sessions().get(booth.sessionId()))));
        }
        // What is left was planned before but is needed no more: the session was cancelled or lost the booth.
        for (CurrentCoverage gone : previousBooths.values()) {
            BoothCoverage was = gone.booth();
            if (!was.status().equals("UNCOVERED") || !was.team().isEmpty()) {
                Session session = needs.sessions().get(was.sessionId());
                events.add(new CoverageChanged(was.sessionId(), conferenceId, was.boothLanguage(), "UNCOVERED",
                        was.status(), 0, was.teamSize(), null, session == null || session.cancelled()
                                ? "The session was cancelled."
                                : "The session is no longer interpreted into " + was.boothLanguage() + ".", now));
            }
        }
        return new PlanChange(assignments, coverage, events);
    }

    private static String releaseReason(PlannedAssignment gone, Needs needs, Map<Booth, CurrentCoverage> booths,
                                        Map<String, RosterInterpreter> interpreters) {
        Session session = needs.sessions().get(gone.sessionId());
        if (session == null || session.cancelled()) {
            return "SESSION_CANCELLED";
        }
        CurrentCoverage planned = booths.get(new Booth(gone.sessionId(), gone.boothLanguage()));
        if (planned != null && !planned.plannedFor().equals(placement(session))) {
            return "SESSION_MOVED";
        }
        RosterInterpreter interpreter = interpreters.get(gone.interpreterId());
        if (interpreter == null
                || !interpreter.availableDays().contains(LocalDate.ofInstant(session.startsAt(), needs.zone()))) {
            return "UNAVAILABLE";
        }
        return "REPLANNED";
    }

    private static Placement placement(Session session) {
        return new Placement(session.startsAt(), session.endsAt(), session.roomId());
    }

    /** An assignment without its relay: a changed relay keeps the interpreter in their seat. */
    private static PlannedAssignment seat(PlannedAssignment assignment) {
        return new PlannedAssignment(assignment.sessionId(), assignment.boothLanguage(), assignment.interpreterId(),
                null);
    }

    private record Booth(String sessionId, String language) {

        static Booth of(BoothCoverage coverage) {
            return new Booth(coverage.sessionId(), coverage.boothLanguage());
        }
    }
}
