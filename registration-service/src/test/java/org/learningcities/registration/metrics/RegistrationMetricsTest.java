package org.learningcities.registration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.registration.RegistrationIntegrationTest;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The business metrics as Prometheus scrapes them from the running service's /actuator/prometheus. */
class RegistrationMetricsTest extends RegistrationIntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Autowired
    RegistrationsGauge registrationsGauge;

    @Test
    void registeringAndApprovingMoveTheRegistrationsOfTheirStatusCategoryAndRegion() {
        String conference = openConference();
        register(conference, "MAYOR", "CN");
        String expert = register(conference, "EXPERT", "KE");
        register(conference, "EXPERT", "KE");
        // The 15-second refresh, run now rather than waited for; the scheduled run has its own test.
        registrationsGauge.refresh();

        assertThat(registrations(conference, "PENDING", "MAYOR", "ASIA_AND_THE_PACIFIC")).hasValue(1);
        assertThat(registrations(conference, "PENDING", "EXPERT", "AFRICA")).hasValue(2);
        assertThat(registrations(conference, "APPROVED", "EXPERT", "AFRICA")).isEmpty();

        approve(expert);
        registrationsGauge.refresh();

        assertThat(registrations(conference, "APPROVED", "EXPERT", "AFRICA")).hasValue(1);
        assertThat(registrations(conference, "PENDING", "EXPERT", "AFRICA")).hasValue(1);
        assertThat(registrations(conference, "PENDING", "MAYOR", "ASIA_AND_THE_PACIFIC")).hasValue(1);
    }

    @Test
    void dropsACombinationOnceNoRegistrationHoldsItAnyMore() {
        String conference = openConference();
        String mayor = register(conference, "MAYOR", "CN");
        registrationsGauge.refresh();
        assertThat(registrations(conference, "PENDING", "MAYOR", "ASIA_AND_THE_PACIFIC")).hasValue(1);

        approve(mayor);
        registrationsGauge.refresh();

        assertThat(registrations(conference, "PENDING", "MAYOR", "ASIA_AND_THE_PACIFIC")).isEmpty();
        assertThat(registrations(conference, "APPROVED", "MAYOR", "ASIA_AND_THE_PACIFIC")).hasValue(1);
    }

    @Test
    void countsNewRegistrationsWithinFifteenSecondsWithoutBeingAsked() {
        String conference = openConference();
        register(conference, "NGO", "BR");

        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(registrations(conference, "PENDING", "NGO", "LATIN_AMERICA_AND_THE_CARIBBEAN")).hasValue(1));
    }

    @Test
    void countsAFirstCheckInAndEveryRepeatedScanUnderTheirOutcome() {
        String conference = openConference();
        String token = badgeToken(approve(register(conference, "MAYOR", "CN")));

        assertThat(checkIn(conference, token).getStatusCode().value()).isEqualTo(201);
        assertThat(checkIns(conference, "FIRST")).hasValue(1);
        assertThat(checkIns(conference, "REPEATED")).isEmpty();

        assertThat(checkIn(conference, token).getStatusCode().value()).isEqualTo(200);
        assertThat(checkIn(conference, token).getStatusCode().value()).isEqualTo(200);
        assertThat(checkIns(conference, "FIRST")).hasValue(1);
        assertThat(checkIns(conference, "REPEATED")).hasValue(2);
    }

    @Test
    void countsNoCheckInForARefusedBadge() {
        String beijing = openConference();
        String mexicoCity = openConference();
        String token = badgeToken(approve(register(beijing, "MAYOR", "CN")));

        assertThat(checkIn(mexicoCity, token).getStatusCode().value()).isEqualTo(422);

        assertThat(checkIns(mexicoCity, "FIRST")).isEmpty();
        assertThat(checkIns(mexicoCity, "REPEATED")).isEmpty();
        assertThat(checkIns(beijing, "FIRST")).isEmpty();
    }

    private OptionalDouble registrations(String conference, String status, String category, String region) {
        return sample("platform_registrations", Map.of("conference", conference, "status", status,
                "category", category, "region", region));
    }

    private OptionalDouble checkIns(String conference, String outcome) {
        return sample("platform_check_ins_total", Map.of("conference", conference, "outcome", outcome));
    }

    /** The value of the one sample of that name with exactly these labels on the service's scrape endpoint. */
    private OptionalDouble sample(String name, Map<String, String> labels) {
        ResponseEntity<String> scrape = http.get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        for (String line : scrape.getBody().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)) {
                Map<String, String> found = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
                if (found.equals(labels)) {
                    return OptionalDouble.of(Double.parseDouble(sample.group(3)));
                }
            }
        }
        return OptionalDouble.empty();
    }

    private String register(String conference, String category, String countryCode) {
        Map<String, Object> delegate = Map.of("givenName", "Amara", "familyName", "Mensah",
                "email", UUID.randomUUID() + "@delegates.example", "category", category, "countryCode", countryCode,
                "correspondenceLanguage", "en", "listeningLanguages", List.of("en"));
        ResponseEntity<Map> created = http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(delegate).retrieve().toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("id");
    }

    /** Plays agenda-service: announces an open conference and waits until this service knows it. */
    private String openConference() {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), 500, false));
        return awaitKnownConference(id);
    }
}
