package org.learningcities.interpretation.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Judges each booth of a solved plan the way a coordinator would: is the team complete, does it depend on relay, and
 * who could step in if a member falls ill.
 */
final class CoverageAssessor {

    static final String COVERED = "COVERED";
    static final String AT_RISK = "AT_RISK";
    static final String UNCOVERED = "UNCOVERED";

    /** Fewer qualified interpreters free to step in than this puts a complete booth at risk. */
    private static final int SPARES_FOR_COVERED = 2;

    private final List<Interpreter> roster;
    private final Map<String, List<Interpreter>> teams = new HashMap<>();
    private final Workload workload;

    CoverageAssessor(List<Interpreter> roster, PlanningRules rules, List<Seat> seats) {
        this.roster = roster;
        this.workload = new Workload(rules);
        for (Seat seat : seats) {
            if (seat.interpreter() != null) {
                teams.computeIfAbsent(seat.booth().key(), key -> new ArrayList<>()).add(seat.interpreter());
                workload.book(seat.interpreter(), seat.booth());
            }
        }
    }

    BoothCoverage assess(Booth booth) {
        BoothNeed need = booth.need();
        List<Interpreter> team = teams.getOrDefault(booth.key(), List.of());
        List<String> teamIds = team.stream().map(Interpreter::id).toList();
        String relay = team.stream().map(booth::relayLanguageFor).filter(Objects::nonNull).findFirst().orElse(null);
        long spares = roster.stream().filter(candidate -> !team.contains(candidate) && couldStepIn(candidate, booth)).count();
        if (team.size() < need.teamSize()) {
            return new BoothCoverage(need.sessionId(), need.language(), UNCOVERED, teamIds, need.teamSize(), relay,
                    team.size() + " of " + need.teamSize() + " interpreters: " + whyNobodyElse(booth, team, spares));
        }
        if (relay != null) {
            return new BoothCoverage(need.sessionId(), need.language(), AT_RISK, teamIds, need.teamSize(), relay,
                    "relay through " + name(relay) + ": nobody free who works into " + name(need.language())
                            + " holds " + names(booth.sources()));
        }
        if (spares < SPARES_FOR_COVERED) {
            return new BoothCoverage(need.sessionId(), need.language(), AT_RISK, teamIds, need.teamSize(), null,
                    spares == 0 ? "no other qualified interpreter is free to step in"
                            : "only one other qualified interpreter is free to step in");
        }
        return new BoothCoverage(need.sessionId(), need.language(), COVERED, teamIds, need.teamSize(), null, null);
    }

    /** Qualified for the booth, available that day, and placing them there breaks neither overlap, gap nor caps. */
    private boolean couldStepIn(Interpreter candidate, Booth booth) {
        return booth.canEverBeStaffedBy(candidate) && workload.fits(candidate, booth);
    }

    /** The first rule that rules everyone else out, from the roster down to that day's workload. */
    private String whyNobodyElse(Booth booth, List<Interpreter> team, long spares) {
        BoothNeed need = booth.need();
        String into = name(need.language());
        String classes = into + " A" + (need.bidirectional() ? ", or B for retour," : "");
        List<Interpreter> worksInto = roster.stream()
                .filter(interpreter -> interpreter.worksInto(need.language(), need.bidirectional())).toList();
        if (worksInto.isEmpty()) {
            return "no interpreter on the roster works into " + into;
        }
        List<Interpreter> holdsASource = worksInto.stream()
                .filter(interpreter -> interpreter.holdsAny(booth.sources())
                        || interpreter.holdsAny(need.otherBoothLanguages()))
                .toList();
        if (holdsASource.isEmpty()) {
            return "no interpreter with " + classes + " holds " + names(booth.sources())
                    + (need.otherBoothLanguages().isEmpty() ? "" : " or a relay language (" + names(need.otherBoothLanguages()) + ")");
        }
        if (holdsASource.stream().noneMatch(interpreter -> !team.contains(interpreter) && interpreter.availableOn(need.day()))) {
            return "no other interpreter with " + classes + " is available on " + need.day();
        }
        if (spares == 0) {
            return "no other interpreter with " + classes + " is free on " + need.day();
        }
        return spares + " qualified interpreter(s) could still step in: the planner stopped before it placed them";
    }

    private static String names(List<String> languages) {
        return languages.stream().map(CoverageAssessor::name).collect(Collectors.joining(" or "));
    }

    private static String name(String languageTag) {
        String name = Locale.forLanguageTag(languageTag).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? languageTag : name;
    }
}
