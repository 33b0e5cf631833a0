package org.learningcities.interpretation.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.event.SolverEventListener;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Plans booth teams with Timefold Solver. Re-planning is incremental: every seat whose previous interpreter may still
 * work it starts with them (warm start), the construction heuristic only fills the empty seats, and the
 * keepThePreviousPlan constraint makes local search keep the previous interpreters.
 */
@Component
class TimefoldInterpreterPlanner implements InterpreterPlanner {

    /** Built once: building compiles the constraints, which takes longer than a small re-plan. */
    private final SolverFactory<SeatingPlan> solverFactory = SolverFactory.create(new SolverConfig()
            .withSolutionClass(SeatingPlan.class)
            .withEntityClasses(Seat.class)
            .withConstraintProviderClass(InterpretationConstraints.class));
    private final Duration unimprovedLimit;

    /**
     * @param unimprovedLimit stop once the best plan has not improved for this long: a plan that has stalled that
     *                        long rarely improves later, and a moved session should not wait for the full time limit
     */
    TimefoldInterpreterPlanner(@Value("${interpretation.planning.unimproved-limit:PT2S}") Duration unimprovedLimit) {
        this.unimprovedLimit = unimprovedLimit;
    }

    @Override
    public PlanningResult plan(PlanningProblem problem, Duration timeLimit) {
        return plan(problem, timeLimit, event -> {
        });
    }

    /** As {@link #plan(PlanningProblem, Duration)}, telling the listener about every better plan found (benchmarks). */
    PlanningResult plan(PlanningProblem problem, Duration timeLimit, SolverEventListener<SeatingPlan> listener) {
        long started = System.nanoTime();
        List<Interpreter> interpreters = problem.interpreters().stream().map(Interpreter::new).toList();
        SeatingPlan unsolved = seatingPlan(problem, interpreters);
        SeatingPlan solved = unsolved.seats().isEmpty() ? unsolved : solve(unsolved, timeLimit, listener);
        Duration solvingTime = Duration.ofNanos(System.nanoTime() - started);

        List<PlannedAssignment> assignments = solved.seats().stream()
                .filter(seat -> seat.interpreter() != null)
                .map(seat -> new PlannedAssignment(seat.booth().need().sessionId(), seat.booth().language(),
                        seat.interpreter().id(), seat.booth().relayLanguageFor(seat.interpreter())))
                .toList();
        CoverageAssessor assessor = new CoverageAssessor(interpreters, problem.rules(), solved.seats());
        Map<String, Booth> booths = solved.seats().stream()
                .collect(Collectors.toMap(seat -> seat.booth().key(), Seat::booth, (first, second) -> first));
        List<BoothCoverage> coverage = problem.booths().stream()
                .map(need -> assessor.assess(booths.get(Booth.key(need.sessionId(), need.language()))))
                .toList();
        HardMediumSoftLongScore score = solved.score();
        return new PlanningResult(assignments, coverage, score == null ? 0 : -score.hardScore(),
                score == null ? "0hard/0medium/0soft" : score.toString(), solvingTime);
    }

    private SeatingPlan solve(SeatingPlan unsolved, Duration timeLimit, SolverEventListener<SeatingPlan> listener) {
        Solver<SeatingPlan> solver = solverFactory.buildSolver(new SolverConfigOverride<SeatingPlan>()
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(timeLimit)
                        .withUnimprovedSpentLimit(unimprovedLimit)));
        solver.addEventListener(listener);
        return solver.solve(unsolved);
    }

    /**
     * One seat per team member of every booth. A seat starts with its previous interpreter when that breaks no hard
     * rule, so the solver starts from a plan without broken rules and only has to fill the seats a change emptied
     * (starting from broken rules, local search would accept any soft cost while repairing them, and reshuffle
     * assignments nobody asked to change). Where two previous assignments now clash, the session with more clashes
     * loses: that is the session that moved, not the several sessions it now runs into.
     */
    private static SeatingPlan seatingPlan(PlanningProblem problem, List<Interpreter> interpreters) {
        Map<String, Interpreter> byId = interpreters.stream()
                .collect(Collectors.toMap(Interpreter::id, Function.identity(), (first, second) -> first));
        Map<String, Set<String>> previousTeams = new HashMap<>();
        for (PlannedAssignment assignment : problem.previous()) {
            previousTeams.computeIfAbsent(Booth.key(assignment.sessionId(), assignment.boothLanguage()),
                    key -> new LinkedHashSet<>()).add(assignment.interpreterId());
        }
        List<Booth> booths = problem.booths().stream()
                .map(need -> new Booth(need, previousTeams.getOrDefault(Booth.key(need.sessionId(), need.language()), Set.of())))
                .toList();
        Map<String, Integer> clashes = previousClashes(booths, byId, problem.rules());
        Workload kept = new Workload(problem.rules());
        List<Seat> seats = new ArrayList<>();
        List<Booth> leastClashingFirst = booths.stream()
                .sorted(Comparator.comparing((Booth booth) -> clashes.getOrDefault(booth.need().sessionId(), 0))
                        .thenComparing(booth -> booth.need().startsAt()))
                .toList();
        for (Booth booth : leastClashingFirst) {
            List<Interpreter> candidates = interpreters.stream().filter(booth::canEverBeStaffedBy).toList();
            List<Interpreter> warmStart = new ArrayList<>();
            for (String interpreterId : booth.previousTeam()) {
                Interpreter interpreter = byId.get(interpreterId);
                if (warmStart.size() < booth.need().teamSize() && interpreter != null && candidates.contains(interpreter)
                        && kept.fits(interpreter, booth)) {
                    kept.book(interpreter, booth);
                    warmStart.add(interpreter);
                }
            }
            for (int position = 0; position < booth.need().teamSize(); position++) {
                seats.add(new Seat(booth.key() + "/" + (position + 1), booth, candidates,
                        position < warmStart.size() ? warmStart.get(position) : null));
            }
        }
        return new SeatingPlan(interpreters, problem.rules(), seats);
    }

    /**
     * For each session, how many of its previous interpreters' other previous booths it now overlaps or comes too
     * close to, and on how many of their days and weeks it is one of more booths than the cap allows.
     */
    private static Map<String, Integer> previousClashes(List<Booth> booths, Map<String, Interpreter> byId, PlanningRules rules) {
        Map<Interpreter, List<Booth>> previousWork = new HashMap<>();
        for (Booth booth : booths) {
            booth.previousTeam().stream().map(byId::get).filter(Objects::nonNull)
                    .forEach(interpreter -> previousWork.computeIfAbsent(interpreter, key -> new ArrayList<>()).add(booth));
        }
        Map<String, Integer> clashes = new HashMap<>();
        for (List<Booth> work : previousWork.values()) {
            for (int i = 0; i < work.size(); i++) {
                for (int j = i + 1; j < work.size(); j++) {
                    if (work.get(i).clashesWith(work.get(j), rules.gapBetweenRooms())) {
                        clashes.merge(work.get(i).need().sessionId(), 1, Integer::sum);
                        clashes.merge(work.get(j).need().sessionId(), 1, Integer::sum);
                    }
                }
            }
            Stream.concat(overCap(work, Booth::day, rules.maxSessionsPerDay()),
                            overCap(work, Booth::isoWeek, rules.maxSessionsPerWeek()))
                    .forEach(booth -> clashes.merge(booth.need().sessionId(), 1, Integer::sum));
        }
        return clashes;
    }

    private static Stream<Booth> overCap(List<Booth> work, Function<Booth, ?> period, int cap) {
        return work.stream().collect(Collectors.groupingBy(period)).values().stream()
                .filter(booths -> booths.size() > cap)
                .flatMap(List::stream);
    }
}
