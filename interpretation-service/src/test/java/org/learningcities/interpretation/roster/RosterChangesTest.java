package org.learningcities.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.interpretation.roster.RosterHttp.interpreter;
import static org.learningcities.interpretation.roster.RosterHttp.range;
import static org.learningcities.interpretation.roster.RosterHttp.with;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.testsupport.RealKafka;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class RosterChangesTest extends InterpretationIntegrationTest {

    private static final String CONTACT_CHANGED = "org.learningcities.interpretation.interpreter.contact-changed.v1";

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    RosterHttp roster;

    @BeforeEach
    void roster() {
        roster = new RosterHttp(http);
        jdbc.sql("""
                create table if not exists roster_test_replan_request (
                    conference_id text not null,
                    written_at timestamptz not null default clock_timestamp())""").update();
        jdbc.sql("""
                create or replace function roster_test_replan_request() returns trigger language plpgsql as $$
                begin
                    insert into roster_test_replan_request (conference_id) values (new.conference_id);
                    return new;
                end $$""").update();
        jdbc.sql("""
                create or replace trigger roster_test_replan_request after insert or update on replan_request
                for each row execute function roster_test_replan_request()""").update();
    }

    @Test
    void publishesTheContactDetailsOnTheInternalTopicOnly() throws Exception {
        Map<String, Object> request = interpreter();
        String id = roster.added(request);

        Received contact = TopicRecords.await(Topics.INTERPRETATION_INTERPRETERS_INTERNAL, record -> id.equals(record.key()));

        assertThat(contact.headers()).containsEntry("ce_type", CONTACT_CHANGED).containsEntry("ce_subject", id);
        assertThat(contact.value()).contains("\"email\":\"" + request.get("email") + "\"", "\"phone\":\"+8613800000108\"",
                "\"correspondenceLanguage\":\"zh\"");
        // The outbox sends in commit order, so everything published before the contact event is on Kafka by now.
        assertThat(values(Topics.INTERPRETATION_ASSIGNMENTS)).noneMatch(value -> value.contains((String) request.get("email")));
        assertThat(cleanupPolicy(Topics.INTERPRETATION_INTERPRETERS_INTERNAL)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void publishesTheCorrectedContactDetails() {
        String id = roster.added(interpreter());
        Map<String, Object> corrected = with(interpreter(), "phone", "+8613900000999");

        roster.replace(id, corrected);

        Received contact = TopicRecords.await(Topics.INTERPRETATION_INTERPRETERS_INTERNAL,
                record -> id.equals(record.key()) && record.value().contains("+8613900000999"));
        assertThat(contact.value()).contains((String) corrected.get("email"));
    }

    @Test
    void publishesNothingForACorrectionThatChangesNothing() {
        Map<String, Object> request = interpreter();
        String id = roster.added(request);

        roster.replace(id, request);

        assertThat(jdbc.sql("select count(*) from messaging.outbox_event where message_key = ?").param(id)
                .query(Integer.class).single()).isOne();
    }

    @Test
    void asksForANewPlanOfEveryConferenceDuringTheInterpretersAvailability() {
        String beijing = conference(LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23));
        String mexicoCity = conference(LocalDate.of(2015, 9, 28), LocalDate.of(2015, 9, 30));

        roster.added(interpreter());

        assertThat(replanRequests(beijing)).isOne();
        assertThat(replanRequests(mexicoCity)).isZero();
    }

    @Test
    void asksForANewPlanWhenAnInterpreterWithdrawsFromAConferencesDays() {
        String beijing = conference(LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23));
        String id = roster.added(with(interpreter(), "availability", List.of()));
        roster.replace(id, interpreter());
        assertThat(replanRequests(beijing)).isOne();

        roster.replace(id, with(interpreter(), "availability", List.of(range("2015-09-28", "2015-09-30"))));

        assertThat(replanRequests(beijing)).isEqualTo(2);
    }

    @Test
    void asksForNoNewPlanWhenOnlyContactDetailsChange() {
        String beijing = conference(LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23));
        Map<String, Object> request = interpreter();
        String id = roster.added(request);

        roster.replace(id, with(with(request, "phone", "+8613900000999"), "familyName", "Chen-Li"));

        assertThat(replanRequests(beijing)).isOne();
    }

    private String conference(LocalDate start, LocalDate end) {
        String id = "conference-" + UUID.randomUUID();
        jdbc.sql("""
                insert into conference (conference_id, time_zone, start_date, end_date, languages, changed_at)
                values (?, 'Asia/Shanghai', ?, ?, array['en', 'zh', 'fr', 'es'], now())""")
                .params(id, start, end)
                .update();
        return id;
    }

    /**
     * How often replan_request was written for the conference. Counted by a trigger, because the planning loop
     * takes (deletes) a request within seconds of its commit, before a test could look at the table.
     */
    private int replanRequests(String conferenceId) {
        return jdbc.sql("select count(*) from roster_test_replan_request where conference_id = ?").param(conferenceId)
                .query(Integer.class).single();
    }

    /** Every record value on the topic now, read from the beginning to the current end. */
    private static List<String> values(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }
}
