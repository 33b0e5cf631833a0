package org.learningcities.agenda.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.testsupport.RealKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

class ConferencesTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;

    @Test
    void createsAConferenceStoresItAndAnnouncesItKeyedByItsId() {
        ConferenceResponse created = create(beijing2013()).expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/conferences/"))
                .expectBody(ConferenceResponse.class).returnResult().getResponseBody();

        assertThat(created.id()).startsWith("beijing-2013-");
        http.get().uri("/api/conferences/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody(ConferenceResponse.class).isEqualTo(created);

        ConsumerRecord<byte[], byte[]> record = awaitRecordKeyed(Topics.AGENDA_CONFERENCES, created.id());
        assertThat(headers(record)).containsEntry("ce_type", EventCatalog.CONFERENCE_SCHEDULED.type())
                .containsEntry("ce_subject", created.id())
                .containsEntry("ce_source", "/learningcities/agenda-service");
        assertThat(json.readValue(record.value(), ConferenceScheduled.class)).isEqualTo(new ConferenceScheduled(
                created.id(), "International Conference on Learning Cities", "Beijing", "CN",
                "China National Convention Center", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                Instant.parse("2013-06-01T01:00:00Z"), Instant.parse("2013-09-30T10:00:00Z"), 500, false));
    }

    @Test
    void conferenceRequiringAnAccountToRegisterSaysSoInItsResponseAndItsEvent() {
        ConferenceResponse created = create(with(beijing2013(), Map.of("accountRequired", true)))
                .expectStatus().isCreated()
                .expectBody(ConferenceResponse.class).returnResult().getResponseBody();

        assertThat(created.accountRequired()).isTrue();
        http.get().uri("/api/conferences/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accountRequired").isEqualTo(true);
        ConsumerRecord<byte[], byte[]> record = awaitRecordKeyed(Topics.AGENDA_CONFERENCES, created.id());
        assertThat(json.readValue(record.value(), ConferenceScheduled.class).accountRequired()).isTrue();
    }

    @Test
    void conferenceLetsAnonymousVisitorsRegisterUnlessToldOtherwise() {
        create(beijing2013()).expectStatus().isCreated()
                .expectBody().jsonPath("$.accountRequired").isEqualTo(false);
    }

    @Test
    void readsRegistrationTimesOnBeijingClocksAsUtcPlusEight() {
        create(beijing2013()).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.registrationOpens.local").isEqualTo("2013-06-01T09:00:00")
                .jsonPath("$.registrationOpens.utc").isEqualTo("2013-06-01T01:00:00Z")
                .jsonPath("$.registrationCloses.local").isEqualTo("2013-09-30T18:00:00")
                .jsonPath("$.registrationCloses.utc").isEqualTo("2013-09-30T10:00:00Z");
    }

    @Test
    void followsMexicoCitysDaylightSavingTimeAsItWasIn2015() {
        Map<String, Object> mexicoCity2015 = with(beijing2013(), Map.of(
                "title", "Second International Conference on Learning Cities",
                "city", "Mexico City", "countryCode", "MX", "timeZone", "America/Mexico_City",
                "startDate", "2015-09-28", "endDate", "2015-09-30",
                // January is standard time (UTC−6); September was still daylight time (UTC−5) until 2022.
                "registrationOpens", "2015-01-15T09:00", "registrationCloses", "2015-09-01T09:00"));

        create(mexicoCity2015).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.registrationOpens.utc").isEqualTo("2015-01-15T15:00:00Z")
                .jsonPath("$.registrationCloses.utc").isEqualTo("2015-09-01T14:00:00Z")
                .jsonPath("$.registrationCloses.local").isEqualTo("2015-09-01T09:00:00");
    }

    @Test
    void readsTheSeedsEtcGmtPlusEightAsUtcMinusEight() {
        create(with(beijing2013(), Map.of("timeZone", "Etc/GMT+8"))).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.registrationOpens.utc").isEqualTo("2013-06-01T17:00:00Z");
    }

    @Test
    void refusesARegistrationTimeTheClocksSkipWhenDaylightSavingStarts() {
        // Berlin's clocks went from 02:00 straight to 03:00 on 31 March 2019.
        assertRejected(with(beijing2013(), Map.of("timeZone", "Europe/Berlin",
                "registrationOpens", "2019-03-31T02:30", "registrationCloses", "2019-06-30T18:00")), "registrationOpens");
    }

    @Test
    void takesTheEarlierInstantInTheHourRepeatedWhenDaylightSavingEnds() {
        // Berlin's clocks showed 02:30 twice on 27 October 2019: first in summer time (UTC+2), then in UTC+1.
        create(with(beijing2013(), Map.of("timeZone", "Europe/Berlin",
                "registrationOpens", "2019-03-01T09:00", "registrationCloses", "2019-10-27T02:30")))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.registrationCloses.utc").isEqualTo("2019-10-27T00:30:00Z");
    }

    @Test
    void givesConferencesIdsReadableFromCityAndYear() {
        assertThat(createdId(medellin2019())).startsWith("medellin-2019-");
        assertThat(createdId(with(beijing2013(), Map.of("city", "北京")))).startsWith("conference-2013-");
    }

    @Test
    void listsConferencesEarliestFirst() {
        String medellin = createdId(medellin2019());
        String beijing = createdId(beijing2013());

        List<String> ids = Arrays.stream(http.get().uri("/api/conferences").exchange()
                        .expectStatus().isOk()
                        .expectBody(ConferenceResponse[].class).returnResult().getResponseBody())
                .map(ConferenceResponse::id)
                .toList();

        assertThat(ids).containsSubsequence(beijing, medellin);
    }

    @Test
    void answersNotFoundForAnUnknownConference() {
        http.get().uri("/api/conferences/no-such-conference").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Conference not found");
    }

    @Test
    void rejectsAnUnknownCountry() {
        assertRejected(with(beijing2013(), Map.of("countryCode", "XX")), "countryCode");
    }

    @Test
    void rejectsATimeZoneThatIsNoIanaZone() {
        assertRejected(with(beijing2013(), Map.of("timeZone", "Beijing/Central")), "timeZone");
    }

    @Test
    void rejectsARawUtcOffsetInsteadOfATimeZone() {
        assertRejected(with(beijing2013(), Map.of("timeZone", "+08:00")), "timeZone");
    }

    @Test
    void rejectsConferenceEndingBeforeItStarts() {
        assertRejected(with(beijing2013(), Map.of("startDate", "2013-10-23", "endDate", "2013-10-21")), "endDate");
    }

    @Test
    void rejectsRegistrationClosingBeforeItOpens() {
        assertRejected(with(beijing2013(), Map.of("registrationCloses", "2013-05-01T09:00")), "registrationCloses");
    }

    @Test
    void rejectsALanguageThatIsNoBcp47Tag() {
        assertRejected(with(beijing2013(), Map.of("languages", List.of("en", "Chinese"))), "languages[1]");
    }

    @Test
    void rejectsAConferenceWithoutLanguages() {
        assertRejected(with(beijing2013(), Map.of("languages", List.of())), "languages");
    }

    @Test
    void rejectsACapacityOfZero() {
        assertRejected(with(beijing2013(), Map.of("capacity", 0)), "capacity");
    }

    @Test
    void rejectsAMalformedDate() {
        assertRejected(with(beijing2013(), Map.of("startDate", "2013-10-32")), "startDate");
    }

    @Test
    void rejectsAConferenceWithoutTitle() {
        Map<String, Object> untitled = beijing2013();
        untitled.remove("title");

        assertRejected(untitled, "title");
    }

    @Test
    void acceptsLanguageTagsInAnyCaseAndStoresThemCanonically() {
        create(with(beijing2013(), Map.of("languages", List.of("EN", "zh-cn", "zh-CN")))).expectStatus().isCreated()
                .expectBody().jsonPath("$.languages").isEqualTo(List.of("en", "zh-CN"));
    }

    private static Map<String, Object> beijing2013() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "International Conference on Learning Cities");
        request.put("city", "Beijing");
        request.put("countryCode", "CN");
        request.put("venue", "China National Convention Center");
        request.put("timeZone", "Asia/Shanghai");
        request.put("startDate", "2013-10-21");
        request.put("endDate", "2013-10-23");
        request.put("languages", List.of("en", "zh", "fr", "es"));
        request.put("registrationOpens", "2013-06-01T09:00");
        request.put("registrationCloses", "2013-09-30T18:00");
        request.put("capacity", 500);
        return request;
    }

    private static Map<String, Object> medellin2019() {
        return with(beijing2013(), Map.of("title", "Fourth International Conference on Learning Cities",
                "city", "Medellín", "countryCode", "CO", "venue", "Plaza Mayor", "timeZone", "America/Bogota",
                "startDate", "2019-10-01", "endDate", "2019-10-03",
                "registrationOpens", "2019-04-01T09:00", "registrationCloses", "2019-08-31T18:00"));
    }

    private static Map<String, Object> with(Map<String, Object> request, Map<String, Object> changes) {
        request.putAll(changes);
        return request;
    }

    private RestTestClient.ResponseSpec create(Map<String, Object> request) {
        return http.post().uri("/api/conferences").contentType(MediaType.APPLICATION_JSON).body(request).exchange();
    }

    private String createdId(Map<String, Object> request) {
        return create(request).expectStatus().isCreated()
                .expectBody(ConferenceResponse.class).returnResult().getResponseBody().id();
    }

    private void assertRejected(Map<String, Object> request, String field) {
        create(request).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(new ParameterizedTypeReference<List<String>>() {
                }, fields -> assertThat(fields).containsExactly(field));
    }

    private static ConsumerRecord<byte[], byte[]> awaitRecordKeyed(String topic, String key) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            // Polled in the test thread: a KafkaConsumer must not be shared between threads.
            return await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .until(() -> recordKeyed(consumer.poll(Duration.ofMillis(500)), key), Optional::isPresent)
                    .orElseThrow();
        }
    }

    private static Optional<ConsumerRecord<byte[], byte[]>> recordKeyed(ConsumerRecords<byte[], byte[]> records,
                                                                        String key) {
        return StreamSupport.stream(records.spliterator(), false)
                .filter(record -> key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .findFirst();
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
