package org.learningcities.registration.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.registration.RegistrationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.testsupport.TestEvents;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The sample data set is only useful if the real API accepts every delegate in it, as the loader posts them. */
class SampleDelegatesApiTest extends RegistrationIntegrationTest {

    @Test
    void theApiAcceptsEverySampleDelegateAndARerunCreatesNoSecondCopy() {
        // Registered anonymously, as a conference that requires no account allows; searched as the secretariat.
        RestClient visitor = anonymous();
        String conference = openConference();
        List<Map<String, Object>> delegates = Beijing2013Delegates.generate();

        Map<Integer, Integer> firstRun = postAll(visitor, conference, delegates);
        Map<Integer, Integer> rerun = postAll(visitor, conference, delegates);

        assertThat(firstRun).isEqualTo(Map.of(201, delegates.size()));
        assertThat(rerun).isEqualTo(Map.of(201, delegates.size()));
        assertThat(http.get().uri("/api/conferences/{id}/registrations?size=500&page=1", conference)
                .retrieve().body(List.class)).isEmpty();
    }

    /** Posts like bin/load-sample-data: one Idempotency-Key per delegate, so a rerun replays instead of duplicating. */
    private static Map<Integer, Integer> postAll(RestClient http, String conference,
                                                 List<Map<String, Object>> delegates) {
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < delegates.size(); i++) {
            int status = http.post().uri("/api/conferences/{id}/registrations", conference)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "beijing-2013-sample-" + (i + 1))
                    .body(delegates.get(i)).retrieve().toBodilessEntity().getStatusCode().value();
            statuses.merge(status, 1, Integer::sum);
        }
        return statuses;
    }

    private String openConference() {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), 600, false));
        return awaitKnownConference(id);
    }
}
