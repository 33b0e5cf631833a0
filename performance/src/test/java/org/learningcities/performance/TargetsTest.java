package org.learningcities.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void registrationsReachTheTargetAtHalfTheBareEndpointsSustainedRate() {
        assertThat(registrationTarget(SampleResults.withRegistrationsAt(300, 600)).reached()).isTrue();
        assertThat(registrationTarget(SampleResults.withRegistrationsAt(200, 600)).reached()).isFalse();
        assertThat(registrationTarget(SampleResults.withRegistrationsAt(300, 600)).measured())
                .isEqualTo("300/s, p99 60.00 ms vs bare 600/s (50.0 % of it)");
    }

    @Test
    void endToEndMailIsJudgedAgainstTenTimesKafkasOwnP99() {
        List<Targets.Target> targets = Targets.judge(SampleResults.withRegistrationsAt(300, 600));

        assertThat(targets).filteredOn(target -> target.goal().equals("p50 < 25 ms"))
                .singleElement().satisfies(target -> assertThat(target.reached()).isTrue());
        // Kafka's p99 of 3 ms allows 30 ms; the sample's 45 ms misses it.
        assertThat(targets).filteredOn(target -> target.goal().startsWith("p99 < 10 ×"))
                .singleElement().satisfies(target -> {
                    assertThat(target.reached()).isFalse();
                    assertThat(target.measured()).isEqualTo("p99 45.00 ms, limit 30.00 ms (Kafka p99 3 ms)");
                });
    }

    @Test
    void agendaReadsMissTheTargetWhenTheStepAtTwoThousandFallsBehind() {
        assertThat(Targets.judge(SampleResults.withRegistrationsAt(300, 600)))
                .filteredOn(target -> target.name().equals("Personal-agenda reads"))
                .singleElement().satisfies(target -> {
                    assertThat(target.reached()).isFalse();
                    assertThat(target.measured()).isEqualTo("sustained 1500/s, p99 30.00 ms");
                });
    }

    @Test
    void memoryIsJudgedPerServiceAtIdleAndForThePlatformAtItsLargest() {
        assertThat(Targets.judge(SampleResults.withRegistrationsAt(300, 600)))
                .filteredOn(target -> target.name().startsWith("Memory"))
                .extracting(Targets.Target::measured, Targets.Target::reached)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("largest: agenda-service 300.0 MB", true),
                        org.assertj.core.groups.Tuple.tuple("1110 MB at most (idle 930 MB, after load 1110 MB)", true));
    }

    private static Targets.Target registrationTarget(BenchmarkResults results) {
        return Targets.judge(results).getFirst();
    }
}
