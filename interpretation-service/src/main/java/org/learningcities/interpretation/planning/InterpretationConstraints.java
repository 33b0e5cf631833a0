package org.learningcities.interpretation.planning;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The interpretation rules (UN and AIIC practice). Hard: a rule broken. Medium: an empty seat, so the solver fills as
 * many seats as the hard rules allow. Soft: preferences, weighted so that keeping the previous plan outweighs avoiding
 * relay, which outweighs any workload imbalance one assignment can cause (at most twice the largest workload, ~30).
 * Public only because the solver instantiates it by its public no-arg constructor.
 */
public class InterpretationConstraints implements ConstraintProvider {

    static final long KEEP_WEIGHT = 1_000;
    static final long RELAY_WEIGHT = 100;
    static final long HOME_ROOM_WEIGHT = 1;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                intoTheirALanguageOrBWhenTheBoothWorksBothWays(factory),
                holdsTheSourceOrTakesRelay(factory),
                noOverlappingAssignments(factory),
                atMostTheDailyCap(factory),
                atMostTheWeeklyCap(factory),
                onlyOnAvailableDays(factory),
                everySeatFilled(factory),
                avoidRelay(factory),
                spreadTheWorkloadFairly(factory),
                keepThePreviousPlan(factory),
                preferTheirHomeRoom(factory)
        };
    }

    Constraint intoTheirALanguageOrBWhenTheBoothWorksBothWays(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.interpreter().worksInto(seat.booth().language(), seat.booth().need().bidirectional()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("intoTheirALanguageOrBWhenTheBoothWorksBothWays");
    }

    Constraint holdsTheSourceOrTakesRelay(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.booth().needsRelay(seat.interpreter())
                        && !seat.interpreter().holdsAny(seat.booth().need().otherBoothLanguages()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("holdsTheSourceOrTakesRelay");
    }

    Constraint noOverlappingAssignments(ConstraintFactory factory) {
        return factory.forEachUniquePair(Seat.class, Joiners.equal(Seat::interpreter))
                .join(PlanningRules.class)
                .filter((one, other, rules) -> one.booth().clashesWith(other.booth(), rules.gapBetweenRooms()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("noOverlappingAssignments");
    }

    Constraint atMostTheDailyCap(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .groupBy(Seat::interpreter, seat -> seat.booth().day(), count())
                .join(PlanningRules.class)
                .filter((interpreter, day, sessions, rules) -> sessions > rules.maxSessionsPerDay())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (interpreter, day, sessions, rules) -> sessions - rules.maxSessionsPerDay())
                .asConstraint("atMostTheDailyCap");
    }

    Constraint atMostTheWeeklyCap(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .groupBy(Seat::interpreter, seat -> seat.booth().isoWeek(), count())
                .join(PlanningRules.class)
                .filter((interpreter, week, sessions, rules) -> sessions > rules.maxSessionsPerWeek())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (interpreter, week, sessions, rules) -> sessions - rules.maxSessionsPerWeek())
                .asConstraint("atMostTheWeeklyCap");
    }

    Constraint onlyOnAvailableDays(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.interpreter().availableOn(seat.booth().day()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("onlyOnAvailableDays");
    }

    Constraint everySeatFilled(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> seat.interpreter() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint("everySeatFilled");
    }

    Constraint avoidRelay(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.booth().needsRelay(seat.interpreter()))
                .penalize(HardMediumSoftLongScore.ofSoft(RELAY_WEIGHT))
                .asConstraint("avoidRelay");
    }

    /** The square grows faster than the count, so two interpreters with 3 each beat one with 5 and one with 1. */
    Constraint spreadTheWorkloadFairly(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .groupBy(Seat::interpreter, count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (interpreter, assignments) -> (long) assignments * assignments)
                .asConstraint("spreadTheWorkloadFairly");
    }

    Constraint keepThePreviousPlan(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.booth().previousTeam().contains(seat.interpreter().id()))
                .reward(HardMediumSoftLongScore.ofSoft(KEEP_WEIGHT))
                .asConstraint("keepThePreviousPlan");
    }

    Constraint preferTheirHomeRoom(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.interpreter().homeRoomId() != null
                        && !seat.interpreter().homeRoomId().equals(seat.booth().need().roomId()))
                .penalize(HardMediumSoftLongScore.ofSoft(HOME_ROOM_WEIGHT))
                .asConstraint("preferTheirHomeRoom");
    }
}
