package org.learningcities.interpretation.planning;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Plans a generated large conference, then moves one session by an hour and re-plans from the first plan, printing
 * how long each took and how much changed. Run by bin/benchmark-interpretation; prints figures, asserts nothing.
 *
 * <p>Arguments: [time limit in seconds, default 120] [unimproved limit in seconds, default 10] [seed, default 2013]
 * [share of ordinary sessions with interpretation, default 0.15].
 */
final class PlanningBenchmark {

    private PlanningBenchmark() {
    }

    public static void main(String[] args) {
        Duration timeLimit = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 120);
        Duration unimproved = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2013;
        double interpretedShare = args.length > 3 ? Double.parseDouble(args[3]) : 0.15;

        LargeConference conference = new LargeConference(seed, interpretedShare);
        List<LargeConference.Session> sessions = conference.sessions();
        List<BoothNeed> booths = conference.boothNeeds(sessions);
        List<RosterInterpreter> roster = conference.roster();
        int seats = booths.stream().mapToInt(BoothNeed::teamSize).sum();
        System.out.printf("conference: %d sessions over %d days, %d interpreted, %d booths, %d seats; %d interpreters (%s)%n",
                sessions.size(), LargeConference.DAYS, sessions.stream().filter(s -> !s.booths().isEmpty()).count(),
                booths.size(), seats, roster.size(), LargeConference.classCounts(roster));
        System.out.printf("machine: %d cores, %d MiB max heap, Java %s; time limit %ds, unimproved limit %ds%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), timeLimit.toSeconds(), unimproved.toSeconds());

        TimefoldInterpreterPlanner planner = new TimefoldInterpreterPlanner(unimproved);
        PlanningResult first = run("plan", planner, new PlanningProblem(booths, roster, List.of(), PlanningRules.UN_PRACTICE),
                timeLimit, seats);

        LargeConference.Session moved = movable(sessions, first.assignments());
        List<BoothNeed> movedBooths = booths.stream()
                .map(need -> need.sessionId().equals(moved.id()) ? later(need, Duration.ofHours(1)) : need)
                .toList();
        System.out.printf("moving %s (%s %s-%s, %s, %d booths) one hour later%n", moved.id(), moved.day(), moved.from(),
                moved.to(), moved.roomId(), moved.booths().size());
        PlanningResult second = run("re-plan", planner,
                new PlanningProblem(movedBooths, roster, first.assignments(), PlanningRules.UN_PRACTICE), timeLimit, seats);

        Set<PlannedAssignment> added = new HashSet<>(second.assignments());
        first.assignments().forEach(added::remove);
        Set<PlannedAssignment> released = new HashSet<>(first.assignments());
        second.assignments().forEach(released::remove);
        System.out.printf("re-plan changed %d assignments: %d released, %d new (%d of them outside the moved session); "
                        + "%d of %d assignments kept%n",
                added.size() + released.size(), released.size(), added.size(),
                added.stream().filter(a -> !a.sessionId().equals(moved.id())).count()
                        + released.stream().filter(a -> !a.sessionId().equals(moved.id())).count(),
                first.assignments().size() - released.size(), first.assignments().size());
    }

    private record BestPlan(long millis, HardMediumSoftLongScore score) {
    }

    private static PlanningResult run(String label, TimefoldInterpreterPlanner planner, PlanningProblem problem,
                                      Duration timeLimit, int seats) {
        List<BestPlan> bestPlans = new ArrayList<>();
        PlanningResult result = planner.plan(problem, timeLimit, event -> bestPlans.add(
                new BestPlan(event.getTimeMillisSpent(), (HardMediumSoftLongScore) event.getNewBestScore())));
        // The empty plan breaks no hard rule either: what counts is the first one that also fills the seats it can.
        long emptySeats = bestPlans.isEmpty() ? 0 : -bestPlans.getLast().score().mediumScore();
        long firstFeasibleMillis = bestPlans.stream()
                .filter(plan -> plan.score().hardScore() == 0 && -plan.score().mediumScore() <= emptySeats)
                .mapToLong(BestPlan::millis).findFirst().orElse(0);
        Map<String, Long> statuses = result.coverage().stream()
                .collect(Collectors.groupingBy(BoothCoverage::status, TreeMap::new, Collectors.counting()));
        long lastImprovementMillis = bestPlans.isEmpty() ? 0 : bestPlans.getLast().millis();
        System.out.printf("%s: %.1f s in all; first plan with no hard rule broken and as many seats filled after %.1f s, "
                        + "last improvement after %.1f s; %d hard broken; %d of %d seats filled; %d relay; coverage %s; "
                        + "score %s%n",
                label, result.solvingTime().toMillis() / 1000.0,
                firstFeasibleMillis / 1000.0, lastImprovementMillis / 1000.0,
                result.hardConstraintsBroken(), result.assignments().size(), seats,
                result.assignments().stream().filter(a -> a.relayLanguage() != null).count(), statuses, result.score());
        // Why booths stay uncovered, with days and counts blanked out so that alike reasons group together.
        result.coverage().stream().filter(booth -> booth.status().equals("UNCOVERED"))
                .collect(Collectors.groupingBy(booth -> booth.reason().replaceAll("[0-9-]+", "#"), Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(reason -> System.out.printf("  %d uncovered: %s%n", reason.getValue(), reason.getKey()));
        return result;
    }

    /**
     * The 16:00 session whose interpreters most often also work that evening: an hour later it runs into their evening
     * assignments (in other rooms, within the gap), so the re-plan has to change something. The agenda would allow the
     * move: its room is free at 17:30-18:00.
     */
    private static LargeConference.Session movable(List<LargeConference.Session> sessions, List<PlannedAssignment> plan) {
        Map<String, LargeConference.Session> byId = sessions.stream()
                .collect(Collectors.toMap(LargeConference.Session::id, Function.identity()));
        Map<String, List<LargeConference.Session>> work = plan.stream().collect(Collectors.groupingBy(
                PlannedAssignment::interpreterId, Collectors.mapping(a -> byId.get(a.sessionId()), Collectors.toList())));
        Map<String, Set<String>> teams = plan.stream().collect(Collectors.groupingBy(PlannedAssignment::sessionId,
                Collectors.mapping(PlannedAssignment::interpreterId, Collectors.toSet())));
        Comparator<LargeConference.Session> eveningWork = Comparator.comparingLong(session -> teams.get(session.id()).stream()
                .flatMap(interpreter -> work.get(interpreter).stream())
                .filter(other -> other.day().equals(session.day()) && other.from().getHour() >= 18)
                .count());
        return sessions.stream()
                .filter(session -> teams.containsKey(session.id()) && session.from().equals(LocalTime.of(16, 0)))
                .max(eveningWork.thenComparing(LargeConference.Session::id))
                .orElseThrow();
    }

    private static BoothNeed later(BoothNeed need, Duration by) {
        return new BoothNeed(need.sessionId(), need.conferenceId(), need.language(), need.startsAt().plus(by),
                need.endsAt().plus(by), need.day(), need.roomId(), need.floorLanguages(), need.otherBoothLanguages(),
                need.bidirectional(), need.teamSize());
    }
}
