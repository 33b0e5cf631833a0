package org.learningcities.platform.kafkaacl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a partner may do on Kafka, proved on a real broker secured like the compose cluster, with the
 * ACLs that the compose init script derives from deploy/kafka/public-topics.txt. Every topic the
 * platform has (event-contracts Topics) exists and holds a record, so a denial is never an absent topic.
 */
class PartnerKafkaAccessTest {

    private static final String PARTNER = "partner-demo";
    private static final String PARTNER_PASSWORD = "partner-demo-secret";
    private static final Duration POLL = Duration.ofSeconds(10);

    @TempDir
    static Path workDirectory;

    private static SecuredKafkaBroker broker;
    private static Admin admin;
    private static List<String> publicTopics;
    private static List<String> internalTopics;

    @BeforeAll
    static void startBrokerAndGrantPartnerAccess() throws Exception {
        Path repository = repositoryRoot();
        publicTopics = publicTopicList(repository);
        List<String> allTopics = platformTopics(repository);
        internalTopics = allTopics.stream().filter(topic -> topic.contains(".internal.")).toList();

        broker = SecuredKafkaBroker.start(workDirectory.resolve("broker"));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.internalBootstrapServers()));
        admin.createTopics(allTopics.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.internalBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String topic : allTopics) {
                producer.send(new ProducerRecord<>(topic, "key", "a record of " + topic)).get();
            }
        }

        List<AclBinding> granted = new GrantPartnerAccessScript(repository)
                .run(Map.of(PARTNER, PARTNER_PASSWORD), "admin-secret", admin, workDirectory);
        // Grants and credentials reach the authorizer through the metadata log: wait until they are in
        // force, or a denial below could merely mean "not yet granted".
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).containsAll(granted));
        await().atMost(Duration.ofSeconds(15)).ignoreException(SaslAuthenticationException.class).untilAsserted(() -> {
            try (Admin partner = Admin.create(partnerSettings())) {
                assertThat(partner.listTopics().names().get()).isNotEmpty();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SaslAuthenticationException sasl ? sasl : e;
            }
        });
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void partnerReadsEveryPublicTopicInAConsumerGroupWithItsPrefix() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(PARTNER + "-city-portal")) {
            consumer.subscribe(publicTopics);
            Set<String> read = new HashSet<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> read.add(record.topic()));
                assertThat(read).containsExactlyInAnyOrderElementsOf(publicTopics);
            });
        }
    }

    @Test
    void partnerReadsTheRecordsOfAPublicTopic() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(null)) {
            TopicPartition delegates = new TopicPartition("registration.delegates.v1", 0);
            consumer.assign(List.of(delegates));
            consumer.seekToBeginning(List.of(delegates));

            List<ConsumerRecord<String, String>> records = consumer.poll(POLL).records(delegates);

            assertThat(records).extracting(ConsumerRecord::value).containsExactly("a record of registration.delegates.v1");
        }
    }

    @Test
    void partnerCannotReadTheInternalContactTopic() {
        assertThat(internalTopics).contains("registration.contacts.internal.v1");

        assertThatThrownBy(() -> readFromTheBeginning("registration.contacts.internal.v1"))
                .isInstanceOf(TopicAuthorizationException.class)
                .satisfies(denied -> assertThat(((TopicAuthorizationException) denied).unauthorizedTopics())
                        .containsExactly("registration.contacts.internal.v1"));
    }

    @Test
    void partnerCannotReadAnyInternalTopic() {
        assertThat(internalTopics).hasSizeGreaterThanOrEqualTo(4);

        for (String topic : internalTopics) {
            assertThatThrownBy(() -> readFromTheBeginning(topic)).as(topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void partnerSeesOnlyThePublicTopics() throws Exception {
        try (Admin partner = Admin.create(partnerSettings())) {
            assertThat(partner.listTopics().names().get()).containsExactlyInAnyOrderElementsOf(publicTopics);
        }
    }

    @Test
    void partnerCannotPublishToAPublicTopic() {
        try (KafkaProducer<String, String> producer = partnerProducer(false)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("agenda.sessions.v1", "s-1", "forged")).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void partnerCannotStartAnIdempotentProducer() {
        try (KafkaProducer<String, String> producer = partnerProducer(true)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("agenda.sessions.v1", "s-1", "forged")).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ClusterAuthorizationException.class);
        }
    }

    @Test
    void partnerCannotUseAConsumerGroupWithoutItsPrefix() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer("city-portal")) {
            consumer.subscribe(List.of("agenda.sessions.v1"));

            assertThatThrownBy(() -> consumer.poll(POLL)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void partnerCannotCreateTopics() {
        try (Admin partner = Admin.create(partnerSettings())) {
            assertThatThrownBy(() -> partner.createTopics(List.of(new NewTopic("agenda.partner-copy.v1", 1, (short) 1)))
                    .all().get())
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsCannotConnectToThePartnerListener() {
        Map<String, Object> settings = new HashMap<>(partnerSettings());
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(PARTNER, "a guess"));
        try (Admin intruder = Admin.create(settings)) {
            assertThatThrownBy(() -> intruder.listTopics().names().get())
                    .cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void readFromTheBeginning(String topic) {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(null)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(POLL);
        }
    }

    /**
     * An idempotent producer (the client default) is stopped before its first record, when it asks for a
     * producer id, which needs write access somewhere; a plain one gets as far as the topic itself.
     */
    private static KafkaProducer<String, String> partnerProducer(boolean idempotent) {
        Map<String, Object> settings = new HashMap<>(partnerSettings());
        settings.putAll(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
        return new KafkaProducer<>(settings);
    }

    private static KafkaConsumer<String, String> partnerConsumer(String groupId) {
        Properties settings = new Properties();
        settings.putAll(partnerSettings());
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (groupId != null) {
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(settings);
    }

    /** What docs/partner-kafka-access.md tells a partner to configure. */
    private static Map<String, Object> partnerSettings() {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.partnerBootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, jaas(PARTNER, PARTNER_PASSWORD));
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(user, password);
    }

    private static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("deploy/kafka/public-topics.txt"))) {
                return directory;
            }
        }
        throw new IllegalStateException("No deploy/kafka/public-topics.txt above " + Path.of("").toAbsolutePath());
    }

    /** The topics the script grants, read as the script reads them: one a line, # comments and blanks skipped. */
    private static List<String> publicTopicList(Path repository) throws IOException {
        return Files.readAllLines(repository.resolve("deploy/kafka/public-topics.txt")).stream()
                .map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /**
     * Every topic name event-contracts declares. Read from the source because this module does not
     * depend on event-contracts; the constants are plain string literals.
     */
    private static List<String> platformTopics(Path repository) throws IOException {
        String topics = Files.readString(repository.resolve(
                "event-contracts/src/main/java/org/learningcities/contracts/Topics.java"));
        List<String> names = Pattern.compile("public static final String \\w+ = \"([^\"]+)\";").matcher(topics)
                .results().map(match -> match.group(1)).toList();
        if (names.size() < 8) {
            throw new IllegalStateException("Expected the topic constants of Topics.java, found " + names);
        }
        return names;
    }
}
