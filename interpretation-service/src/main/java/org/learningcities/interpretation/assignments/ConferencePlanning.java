package org.learningcities.interpretation.assignments;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.learningcities.interpretation.assignments.Plans.CurrentAssignment;
import org.learningcities.interpretation.assignments.Plans.CurrentCoverage;
import org.learningcities.interpretation.assignments.Requirements.Needs;
import org.learningcities.interpretation.planning.BoothCoverage;
import org.learningcities.interpretation.planning.InterpreterPlanner;
import org.learningcities.interpretation.planning.PlannedAssignment;
import org.learningcities.interpretation.planning.PlanningProblem;
import org.learningcities.interpretation.planning.PlanningResult;
import org.learningcities.interpretation.planning.RosterInterpreter;
import org.learningcities.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Plans one conference from its tables and stores the plan, with the differences as events, in one transaction. */
@Component
class ConferencePlanning {

    private static final Logger log = LoggerFactory.getLogger(ConferencePlanning.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Requirements requirements;
    private final PlanningRoster roster;
    private final Plans plans;
    private final InterpreterPlanner planner;
    private final Outbox outbox;
    private final PlanningLoopProperties properties;

    ConferencePlanning(JdbcClient jdbc, PlatformTransactionManager transactions, Requirements requirements,
                       PlanningRoster roster, Plans plans, InterpreterPlanner planner, Outbox outbox,
                       PlanningLoopProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.requirements = requirements;
        this.roster = roster;
        this.plans = plans;
        this.planner = planner;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Conferences waiting for a new plan whose programme is known, those waiting longest first. */
    List<String> waiting() {
        return jdbc.sql("""
                select r.conference_id from replan_request r
                where exists (select 1 from conference c where c.conference_id = r.conference_id)
                order by r.requested_at
                limit 50""")
                .query(String.class)
                .list();
    }

    /**
     * Does nothing when another instance is planning the conference (its advisory lock is taken) or has just
     * planned it. The request row is not locked, so whoever changes the programme meanwhile is not held up for the
     * solver's time; it is deleted only if nobody refreshed it while planning, else it brings the next run.
     */
    void planIfFree(String conferenceId) {
        transaction.executeWithoutResult(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                    .param("interpretation-plan:" + conferenceId).query(Boolean.class).single();
            if (!locked) {
                return;
            }
            Optional<OffsetDateTime> requestedAt = jdbc.sql(
                            "select requested_at from replan_request where conference_id = ?")
                    .param(conferenceId).query(OffsetDateTime.class).optional();
            Optional<Needs> needs = requirements.of(conferenceId);
            if (requestedAt.isEmpty() || needs.isEmpty()) {
                return;
            }
            plan(conferenceId, needs.get());
            jdbc.sql("delete from replan_request where conference_id = ? and requested_at = ?")
                    .params(conferenceId, requestedAt.get()).update();
        });
    }

    private void plan(String conferenceId, Needs needs) {
        List<RosterInterpreter> interpreters = roster.interpreters();
        List<CurrentAssignment> before = plans.assignments(conferenceId);
        List<CurrentCoverage> coverageBefore = plans.coverage(conferenceId);
        PlanningResult result = solve(needs, interpreters, before);
        List<BoothCoverage> booths = new ArrayList<>(result.coverage());
        booths.addAll(needs.unplaceable());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PlanChange change = PlanChange.between(conferenceId, before, coverageBefore, result.assignments(), booths,
                needs, interpreters, now);
        plans.replace(conferenceId, change.assignments(), change.coverage(), now);
        change.events().forEach(outbox::publish);
        log.info("Planned conference {}: {} booths, {} assignments, {} hard constraints broken, score {}, {} events, "
                        + "solved in {}", conferenceId, booths.size(), result.assignments().size(),
                result.hardConstraintsBroken(), result.score(), change.events().size(), result.solvingTime());
    }

    /** The current plan goes in as the starting point, limited to booths and interpreters that still exist. */
    private PlanningResult solve(Needs needs, List<RosterInterpreter> interpreters, List<CurrentAssignment> before) {
        if (needs.booths().isEmpty()) {
            return new PlanningResult(List.of(), List.of(), 0, "no booths", Duration.ZERO);
        }
        Set<Booth> booths = needs.booths().stream()
                .map(need -> new Booth(need.sessionId(), need.language())).collect(Collectors.toSet());
        Set<String> onRoster = interpreters.stream().map(RosterInterpreter::interpreterId).collect(Collectors.toSet());
        List<PlannedAssignment> previous = before.stream().map(CurrentAssignment::assignment)
                .filter(assignment -> booths.contains(new Booth(assignment.sessionId(), assignment.boothLanguage()))
                        && onRoster.contains(assignment.interpreterId()))
                .toList();
        return planner.plan(new PlanningProblem(needs.booths(), interpreters, previous, requirements.rules()),
                properties.timeLimit());
    }

    private record Booth(String sessionId, String language) {
    }
}
