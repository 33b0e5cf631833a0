package org.learningcities.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.contracts.agenda.EnrolmentCancelled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.EnrolmentPromoted;
import org.learningcities.contracts.agenda.EnrolmentWaitlisted;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.SessionCancelled;
import org.learningcities.contracts.agenda.SessionRelocated;
import org.learningcities.contracts.agenda.SessionRescheduled;
import org.learningcities.contracts.agenda.SessionScheduled;
import org.learningcities.contracts.interpretation.CoverageChanged;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.contracts.interpretation.InterpreterContactChanged;
import org.learningcities.contracts.interpretation.InterpreterReleased;
import org.learningcities.contracts.notification.NotificationFailed;
import org.learningcities.contracts.registration.BadgeIssued;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateCheckedIn;
import org.learningcities.contracts.registration.DelegateProfileChanged;
import org.learningcities.contracts.registration.DelegateRejected;
import org.learningcities.contracts.registration.DelegateWithdrawn;
import org.learningcities.contracts.registration.WaitlistOfferExpired;
import org.learningcities.contracts.registration.WaitlistOfferMade;
import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

class EventContractsTest {

    private static final JsonMapper SERVICE_MAPPER = JsonMapper.builder().build();
    private static final com.fasterxml.jackson.databind.ObjectMapper SCHEMA_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static final Instant OPENING = Instant.parse("2013-10-21T01:00:00Z");

    static List<IntegrationEvent> samples() {
        return List.of(
                new ConferenceScheduled("beijing-2013", "International Conference on Learning Cities", "Beijing", "CN",
                        "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                        LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                        Instant.parse("2013-06-01T00:00:00Z"), Instant.parse("2013-10-01T00:00:00Z"), 500, false),
                new DelegateRegistered("r-1", "beijing-2013", "MAYOR", "MX", "LATIN_AMERICA_AND_THE_CARIBBEAN", "es",
                        List.of("es", "en"), null, "PENDING", Instant.parse("2013-07-01T10:15:30Z")),
                new DelegateContactChanged("r-1", "beijing-2013", "Miguel", "Mancera", "mayor@example.org",
                        "+525512345678", "es"),
                new DelegateApproved("r-1", "beijing-2013", "MAYOR", List.of("es", "en"), OPENING),
                new DelegateRejected("r-1", "beijing-2013", "Not a delegate of a Member State", OPENING),
                new DelegateWithdrawn("r-1", "beijing-2013", OPENING),
                new DelegateProfileChanged("r-1", "beijing-2013", "MAYOR", "es", List.of("es"), true, false, OPENING),
                new DelegateCheckedIn("r-1", "beijing-2013", OPENING),
                new WaitlistOfferMade("r-2", "beijing-2013", OPENING.plusSeconds(172_800), OPENING),
                new WaitlistOfferExpired("r-2", "beijing-2013", OPENING),
                new RegistrationAccountsLinked("r-1", "beijing-2013", List.of("account-mancera", "account-focal-mx")),
                new BadgeIssued("r-1", "beijing-2013", 1, "eyJraWQiOiJiYWRnZS0xIn0.signed", OPENING),
                new SessionScheduled("s-1", "beijing-2013", 1, "REGIONAL_FORUM", "ASIA_AND_THE_PACIFIC",
                        Map.of("en", "Parallel regional forum: Asia and the Pacific", "zh", "平行区域论坛：亚洲及太平洋"),
                        "room-1", "Hall B", OPENING, OPENING.plusSeconds(5400), List.of("en", "zh"),
                        List.of("fr", "es"), List.of("Arne Carlsen"), 120, true),
                new SessionRescheduled("s-1", "beijing-2013", 2, OPENING, OPENING.plusSeconds(5400),
                        OPENING.plusSeconds(7200), OPENING.plusSeconds(12600)),
                new SessionRelocated("s-1", "beijing-2013", 2, "room-1", "Hall B", "room-2", "Hall C"),
                new SessionCancelled("s-1", "beijing-2013", 3, "Merged with the mayors' forum"),
                new ScheduleReleased("beijing-2013", 2, OPENING, List.of(
                        new ScheduleReleased.Change("s-1", "RESCHEDULED", "09:00–10:30 → 11:00–12:30 (Asia/Shanghai)"),
                        new ScheduleReleased.Change("s-1", "UPDATED", "changed interpretationLanguages"),
                        new ScheduleReleased.Change("s-2", "SCHEDULED", "14:00–17:00 (Asia/Shanghai)")), List.of(
                        new ScheduleReleased.SessionState("s-1", 1,
                                Map.of("en", "Parallel regional forum: Asia and the Pacific", "zh", "平行区域论坛：亚洲及太平洋"),
                                OPENING.plusSeconds(7200), OPENING.plusSeconds(12600), "room-1", "Hall B", 4,
                                List.of("en", "zh"), List.of("en", "zh", "fr", "es"), true, false, null,
                                OPENING, OPENING.plusSeconds(5400), "Hall B"),
                        new ScheduleReleased.SessionState("s-2", 0, Map.of("en", "Study visit: Beijing Chaoyang"),
                                OPENING.plusSeconds(18000), OPENING.plusSeconds(28800), null, null, null, List.of("zh"),
                                List.of(), false, false, null, null, null, null))),
                new EnrolmentConfirmed("s-1", "beijing-2013", "r-1", OPENING),
                new EnrolmentWaitlisted("s-1", "beijing-2013", "r-2", 1, OPENING),
                new EnrolmentPromoted("s-1", "beijing-2013", "r-2", OPENING),
                new EnrolmentCancelled("s-1", "beijing-2013", "r-1", OPENING),
                new InterpreterAssigned("s-1", "beijing-2013", "i-1", "fr", "en", OPENING),
                new InterpreterAssigned("s-1", "beijing-2013", "i-2", "zh", null, OPENING),
                new InterpreterReleased("s-1", "beijing-2013", "i-1", "fr", "SESSION_MOVED", OPENING),
                new CoverageChanged("s-1", "beijing-2013", "fr", "AT_RISK", "COVERED", 2, 2, "en",
                        "relay through the English booth", OPENING),
                new CoverageChanged("s-1", "beijing-2013", "es", "COVERED", null, 3, 3, null, null, OPENING),
                new InterpreterContactChanged("i-1", "Claire", "Dubois", "interpreter@example.org", null, "fr",
                        "account-claire"),
                new NotificationFailed("n-1", "r-1", "beijing-2013", "EMAIL", "registration-approved", 5,
                        "ATTEMPTS_EXHAUSTED", OPENING));
    }

    @Test
    void everyCatalogedEventHasASample() {
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(EventCatalog.ALL).allSatisfy(type -> assertThat(sampled).contains(type.payloadClass()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedEventConformsToItsPublishedSchema(IntegrationEvent event) throws IOException {
        EventType<?> type = EventCatalog.of(event.getClass());
        JsonSchema schema = schema(type);

        var json = SCHEMA_READER.readTree(SERVICE_MAPPER.writeValueAsString(event));
        Set<ValidationMessage> errors = schema.validate(json);

        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRejectsAPublicEventCarryingContactData() throws IOException {
        JsonSchema schema = schema(EventCatalog.DELEGATE_REGISTERED);
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) SCHEMA_READER.readTree(
                SERVICE_MAPPER.writeValueAsString(samples().get(1)));
        json.put("email", "mayor@example.org");

        assertThat(schema.validate(json)).isNotEmpty();
    }

    @Test
    void onlySchemasOfInternalTopicsHaveAnEmailProperty() throws IOException {
        Set<String> withEmail = new HashSet<>();
        for (EventType<?> type : EventCatalog.ALL) {
            try (InputStream in = resource(type.schemaLocation())) {
                if (hasProperty(SCHEMA_READER.readTree(in), "email")) {
                    withEmail.add(type.type());
                }
            }
        }
        Set<String> internalTypes = EventCatalog.ALL.stream().filter(type -> type.topic().contains(".internal."))
                .map(EventType::type).collect(Collectors.toSet());

        assertThat(withEmail).contains(EventCatalog.DELEGATE_CONTACT_CHANGED.type(),
                EventCatalog.INTERPRETER_CONTACT_CHANGED.type());
        assertThat(internalTypes).containsAll(withEmail);
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDescribesExactlyThePublicTopics() throws IOException {
        Map<String, Object> document;
        try (InputStream in = resource("asyncapi.yaml")) {
            document = new Yaml().load(in);
        }
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");

        var channels = (Map<String, Map<String, Object>>) document.get("channels");
        Set<String> addresses = channels.values().stream()
                .map(channel -> (String) channel.get("address")).collect(Collectors.toSet());
        Set<String> publicTopics = EventCatalog.ALL.stream().map(EventType::topic)
                .filter(topic -> !topic.contains(".internal.")).collect(Collectors.toSet());
        assertThat(addresses).isEqualTo(publicTopics);

        var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("messages");
        Set<String> documentedTypes = messages.values().stream()
                .map(message -> (String) message.get("name")).collect(Collectors.toSet());
        Set<String> publicTypes = EventCatalog.ALL.stream().filter(type -> publicTopics.contains(type.topic()))
                .map(EventType::type).collect(Collectors.toSet());
        assertThat(documentedTypes).isEqualTo(publicTypes);
        assertThat(messages.values()).allSatisfy(message -> {
            String payloadRef = (String) ((Map<String, Object>) message.get("payload")).get("$ref");
            assertThat(getClass().getClassLoader().getResource(payloadRef)).as(payloadRef).isNotNull();
        });
    }

    /** Whether any object in the schema, at any depth, declares the property. */
    private static boolean hasProperty(com.fasterxml.jackson.databind.JsonNode schema, String name) {
        var properties = schema.get("properties");
        if (properties != null && properties.has(name)) {
            return true;
        }
        for (var child : schema) {
            if (child.isContainerNode() && hasProperty(child, name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonSchema schema(EventType<?> type) throws IOException {
        try (InputStream in = resource(type.schemaLocation())) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static InputStream resource(String location) {
        InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(location);
        assertThat(in).as(location).isNotNull();
        return in;
    }
}
