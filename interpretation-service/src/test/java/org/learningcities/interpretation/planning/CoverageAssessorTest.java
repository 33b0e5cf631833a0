package org.learningcities.interpretation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.interpretation.planning.Fixtures.MONDAY;
import static org.learningcities.interpretation.planning.Fixtures.RULES;
import static org.learningcities.interpretation.planning.Fixtures.booth;
import static org.learningcities.interpretation.planning.Fixtures.day;
import static org.learningcities.interpretation.planning.Fixtures.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CoverageAssessorTest {

    private static final Booth FRENCH = new Booth(booth("forum", "fr", MONDAY, "09:00", "12:00"), Set.of());
    private static final Interpreter FIRST = french("fr-1");
    private static final Interpreter SECOND = french("fr-2");

    private static Interpreter french(String id) {
        return new Interpreter(interpreter(id, "fr:A en:B", MONDAY));
    }

    private static BoothCoverage assess(List<Interpreter> roster, List<Seat> otherWork) {
        List<Seat> seats = new ArrayList<>(otherWork);
        seats.add(new Seat("fr/1", FRENCH, roster, FIRST));
        seats.add(new Seat("fr/2", FRENCH, roster, SECOND));
        return new CoverageAssessor(roster, RULES, seats).assess(FRENCH);
    }

    @Test
    void coversAFullTeamWithTwoQualifiedInterpretersToSpare() {
        BoothCoverage coverage = assess(List.of(FIRST, SECOND, french("fr-3"), french("fr-4")), List.of());

        assertThat(coverage.status()).isEqualTo("COVERED");
        assertThat(coverage.team()).containsExactly("fr-1", "fr-2");
        assertThat(coverage.reason()).isNull();
    }

    @Test
    void putsAFullTeamAtRiskWhenTheOnlyOtherSpareIsBusyAtThatTime() {
        Interpreter busy = french("fr-4");
        Seat elsewhere = new Seat("visit/fr/1",
                new Booth(booth("visit", "fr", MONDAY, "11:00", "15:00", null, List.of("en"), List.of("fr")), Set.of()),
                List.of(), busy);

        BoothCoverage coverage = assess(List.of(FIRST, SECOND, french("fr-3"), busy), List.of(elsewhere));

        assertThat(coverage.status()).isEqualTo("AT_RISK");
        assertThat(coverage.reason()).isEqualTo("only one other qualified interpreter is free to step in");
    }

    @Test
    void doesNotCountSparesWhoAreUnavailableOrWorkIntoTheirCLanguage() {
        Interpreter unavailable = new Interpreter(interpreter("fr-3", "fr:A en:B", day(22)));
        Interpreter frenchC = new Interpreter(interpreter("en-1", "en:A fr:C", MONDAY));

        BoothCoverage coverage = assess(List.of(FIRST, SECOND, unavailable, frenchC), List.of());

        assertThat(coverage.status()).isEqualTo("AT_RISK");
        assertThat(coverage.reason()).isEqualTo("no other qualified interpreter is free to step in");
    }

    @Test
    void explainsAnIncompleteTeamWhoseLanguageNobodyWorksFrom() {
        Booth arabicFloor = new Booth(booth("forum", "ru", MONDAY, "09:00", "12:00", "room-2", List.of("ar"), List.of("ru")),
                Set.of());
        Interpreter russian = new Interpreter(interpreter("ru-1", "ru:A en:B", MONDAY));

        BoothCoverage coverage = new CoverageAssessor(List.of(russian), RULES,
                List.of(new Seat("ru/1", arabicFloor, List.of(), null), new Seat("ru/2", arabicFloor, List.of(), null)))
                .assess(arabicFloor);

        assertThat(coverage.status()).isEqualTo("UNCOVERED");
        assertThat(coverage.reason()).isEqualTo("0 of 2 interpreters: no interpreter with Russian A holds Arabic");
    }
}
