package org.learningcities.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.interpretation.planning.BoothNeed;
import org.learningcities.interpretation.planning.InterpreterPlanner;
import org.learningcities.interpretation.planning.PlanningProblem;
import org.learningcities.interpretation.planning.PlanningResult;
import org.learningcities.interpretation.planning.PlanningRules;
import org.learningcities.interpretation.planning.RosterInterpreter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sample roster that bin/load-sample-data imports is enough for the Beijing 2013 Plenary Hall: the planner
 * staffs every booth from it alone. Planning is given the sample only, since the test database also holds every
 * other test's interpreters.
 */
class BeijingSampleRosterTest extends InterpretationIntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> BOOTHS = List.of("en", "zh", "fr", "es");
    private static final List<String> FLOOR = List.of("en", "zh");

    @Autowired
    RosterCsv csv;
    @Autowired
    InterpreterPlanner planner;

    @Test
    void staffsEveryBoothOfTheBeijingPlenaryHallFromTheSampleRoster() throws IOException {
        // The Plenary Hall programme of 21-22 October 2013 (opening, three plenaries, the mayors' forum and the
        // closing), each taken at its most demanding: English and Chinese on the floor, all four booths.
        List<BoothNeed> booths = new ArrayList<>();
        for (String start : List.of("2013-10-21T09:00", "2013-10-21T11:00", "2013-10-21T14:00", "2013-10-21T16:00",
                "2013-10-22T09:00", "2013-10-22T14:00", "2013-10-22T16:00")) {
            booths.addAll(plenary(LocalDateTime.parse(start)));
        }

        PlanningResult plan = planner.plan(new PlanningProblem(booths, sampleRoster(), List.of(),
                PlanningRules.UN_PRACTICE), Duration.ofSeconds(20));

        assertThat(plan.hardConstraintsBroken()).isZero();
        assertThat(plan.coverage()).hasSize(booths.size()).allSatisfy(booth -> {
            assertThat(booth.status()).isNotEqualTo("UNCOVERED");
            assertThat(booth.team()).hasSize(booth.teamSize());
        });
    }

    private List<RosterInterpreter> sampleRoster() throws IOException {
        String sample;
        try (InputStream file = getClass().getResourceAsStream("/sample/beijing-2013-interpreters.csv")) {
            sample = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<RosterInterpreter> interpreters = new ArrayList<>();
        for (RosterEntry entry : csv.read(sample).entries()) {
            interpreters.add(new RosterInterpreter(entry.email(), entry.languages(), entry.availableDays(), null));
        }
        return interpreters;
    }

    private static List<BoothNeed> plenary(LocalDateTime start) {
        String sessionId = "plenary-" + start;
        LocalDateTime end = start.plusMinutes(90);
        List<BoothNeed> booths = new ArrayList<>();
        for (String language : BOOTHS) {
            boolean bothWays = FLOOR.contains(language);
            booths.add(new BoothNeed(sessionId, "iclc-2013", language, start.atZone(BEIJING).toInstant(),
                    end.atZone(BEIJING).toInstant(), LocalDate.from(start), "plenary-hall", FLOOR,
                    BOOTHS.stream().filter(other -> !other.equals(language)).toList(), bothWays,
                    PlanningRules.UN_PRACTICE.teamSize(bothWays, Duration.between(start, end))));
        }
        return booths;
    }
}
