package org.learningcities.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TestTokens;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Who may register, read and decide what, with real signed tokens: accounts linked to registrations, focal points
 * confined to their delegation, passport data for its owner and the visa desk only, server-owned fields refused.
 */
class RegistrationAccessApiTest extends RegistrationIntegrationTest {

    private static final String PASSPORT_NUMBER = "P55501234";
    private static final String DATE_OF_BIRTH = "1971-04-17";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousRegistersWhenTheConferenceAllowsIt() {
        String conference = conference(false);

        ResponseEntity<Map> created = register(anonymous(), conference, mexican("walk-in@example.mx"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        Received linked = TopicRecords.await(Topics.REGISTRATION_ACCOUNTS_INTERNAL, record -> id.equals(record.key()));
        assertThat(linked.value()).contains("\"accountIds\":[]");
    }

    @Test
    void anonymousCannotRegisterWhenTheConferenceRequiresAnAccount() {
        String conference = conference(true);
        Map<String, Object> invalid = mexican("not-an-address");

        ResponseEntity<Map> refused = register(anonymous(), conference, mexican("walk-in@example.mx"));
        ResponseEntity<Map> refusedBeforeValidation = register(anonymous(), conference, invalid);
        ResponseEntity<Map> delegate = register(as("acct-required-delegate", Role.DELEGATE), conference,
                mexican("signed-in@example.mx"));

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat((String) refused.getBody().get("detail")).contains("needs an account");
        assertThat(refusedBeforeValidation.getStatusCode().value()).isEqualTo(401);
        assertThat(delegate.getStatusCode().value()).isEqualTo(201);
        assertThat(search(conference)).hasSize(1);
    }

    @Test
    void rolesThatDoNotRegisterPeopleAreForbiddenToRegister() {
        String conference = conference(false);

        for (Role role : List.of(Role.VISA_DESK, Role.INTERPRETATION_COORDINATOR, Role.INTERPRETER, Role.OPERATIONS,
                Role.PARTNER)) {
            assertThat(register(as("acct-" + role, role), conference, mexican(role + "@example.mx"))
                    .getStatusCode().value()).as(role.name()).isEqualTo(403);
        }
        assertThat(search(conference)).isEmpty();
    }

    @Test
    void delegateRegistrationIsLinkedToTheirAccount() {
        String conference = conference(true);
        RestClient delegate = as("acct-linked-delegate", Role.DELEGATE);

        ResponseEntity<Map> created = register(delegate, conference, mexican("linked@example.mx"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        Received linked = TopicRecords.await(Topics.REGISTRATION_ACCOUNTS_INTERNAL, record -> id.equals(record.key()));
        assertThat(linked.headers()).containsEntry("ce_type", EventCatalog.REGISTRATION_ACCOUNTS_LINKED.type());
        assertThat(linked.value()).contains("\"registrationId\":\"" + id + "\"",
                "\"conferenceId\":\"" + conference + "\"", "\"accountIds\":[\"acct-linked-delegate\"]");
        assertThat(status(delegate.get().uri("/api/registrations/{id}", id))).isEqualTo(200);
    }

    @Test
    void secretariatRegisteringOnSomeonesBehalfLinksOnlyTheDelegationsFocalPoint() {
        String conference = conference(false);
        String delegation = formDelegationAsSecretariat(conference, "acct-mx-focal");

        ResponseEntity<Map> created = register(http, conference, member(mexican("on-behalf@example.mx"), delegation));

        String id = (String) created.getBody().get("id");
        Received linked = TopicRecords.await(Topics.REGISTRATION_ACCOUNTS_INTERNAL, record -> id.equals(record.key()));
        assertThat(linked.value()).contains("\"accountIds\":[\"acct-mx-focal\"]").doesNotContain("test-staff");
    }

    @Test
    void delegateReadsOnlyTheirOwnRegistration() {
        String conference = conference(false);
        RestClient owner = as("acct-owner", Role.DELEGATE);
        RestClient other = as("acct-other", Role.DELEGATE);
        String id = (String) register(owner, conference, mexican("owner@example.mx")).getBody().get("id");
        register(other, conference, mexican("other@example.mx"));

        assertThat(status(owner.get().uri("/api/registrations/{id}", id))).isEqualTo(200);
        assertThat(status(other.get().uri("/api/registrations/{id}", id))).isEqualTo(403);
        assertThat(status(other.patch().uri("/api/registrations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("city", "Puebla")))).isEqualTo(403);
        assertThat(status(other.post().uri("/api/registrations/{id}/withdrawal", id))).isEqualTo(403);
        assertThat(status(other.get().uri("/api/registrations/{id}/badge/token", id))).isEqualTo(403);
        assertThat(status(anonymous().get().uri("/api/registrations/{id}", id))).isEqualTo(401);
        assertThat(status(other.get().uri("/api/conferences/{c}/registrations", conference))).isEqualTo(403);
        assertThat(status(owner.patch().uri("/api/registrations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("city", "Puebla")))).isEqualTo(200);
        assertThat(http.get().uri("/api/registrations/{id}", id).retrieve().body(Map.class))
                .containsEntry("city", "Puebla").containsEntry("status", "PENDING");
    }

    @Test
    void focalPointSeesOnlyTheirDelegation() {
        String conference = conference(false);
        RestClient mexicanFocalPoint = as("acct-focal-mx", Role.FOCAL_POINT);
        ResponseEntity<Map> formed = formDelegation(mexicanFocalPoint, conference, "MX", null);
        String mexico = (String) formed.getBody().get("id");
        String brazil = formDelegationAsSecretariat(conference, "BR", "acct-focal-br");
        String mexicanMember = (String) register(mexicanFocalPoint, conference,
                member(mexican("member-mx@example.mx"), mexico)).getBody().get("id");
        String brazilianMember = (String) register(http, conference,
                member(brazilian("member-br@example.br"), brazil)).getBody().get("id");

        assertThat(formed.getStatusCode().value()).isEqualTo(201);
        assertThat((Map<String, Object>) formed.getBody().get("focalPoint")).containsEntry("accountId", "acct-focal-mx");
        List<Map<String, Object>> listed = mexicanFocalPoint.get().uri("/api/conferences/{c}/delegations", conference)
                .retrieve().body(List.class);
        assertThat(listed).extracting(delegation -> delegation.get("id")).containsExactly(mexico);
        assertThat(http.get().uri("/api/conferences/{c}/delegations", conference).retrieve().body(List.class))
                .hasSize(2);
        assertThat(status(mexicanFocalPoint.get().uri("/api/conferences/{c}/delegations/{d}", conference, mexico)))
                .isEqualTo(200);
        assertThat(status(mexicanFocalPoint.get().uri("/api/conferences/{c}/delegations/{d}", conference, brazil)))
                .isEqualTo(403);
        assertThat(status(mexicanFocalPoint.get().uri("/api/conferences/{c}/delegations/{d}/members", conference,
                brazil))).isEqualTo(403);
        assertThat(status(mexicanFocalPoint.get().uri("/api/registrations/{id}", mexicanMember))).isEqualTo(200);
        assertThat(status(mexicanFocalPoint.get().uri("/api/registrations/{id}", brazilianMember))).isEqualTo(403);
        assertThat(status(as("acct-delegate", Role.DELEGATE).get()
                .uri("/api/conferences/{c}/delegations", conference))).isEqualTo(403);
    }

    @Test
    void focalPointCannotRegisterIntoAnotherDelegation() {
        String conference = conference(false);
        RestClient mexicanFocalPoint = as("acct-focal-mx2", Role.FOCAL_POINT);
        String mexico = (String) formDelegation(mexicanFocalPoint, conference, "MX", null).getBody().get("id");
        String brazil = formDelegationAsSecretariat(conference, "BR", "acct-focal-br2");

        ResponseEntity<Map> throughMembers = mexicanFocalPoint.post()
                .uri("/api/conferences/{c}/delegations/{d}/members", conference, brazil)
                .contentType(MediaType.APPLICATION_JSON).body(brazilian("sneak@example.br"))
                .retrieve().toEntity(Map.class);
        ResponseEntity<Map> naming = register(mexicanFocalPoint, conference,
                member(brazilian("sneak2@example.br"), brazil));
        ResponseEntity<Map> withoutDelegation = register(mexicanFocalPoint, conference, mexican("loose@example.mx"));
        ResponseEntity<Map> own = mexicanFocalPoint.post()
                .uri("/api/conferences/{c}/delegations/{d}/members", conference, mexico)
                .contentType(MediaType.APPLICATION_JSON).body(mexican("own@example.mx"))
                .retrieve().toEntity(Map.class);

        assertThat(throughMembers.getStatusCode().value()).isEqualTo(403);
        assertThat(naming.getStatusCode().value()).isEqualTo(403);
        assertThat(naming.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(withoutDelegation.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getStatusCode().value()).isEqualTo(201);
        assertThat(search(conference)).extracting(registration -> registration.get("email"))
                .containsExactly("own@example.mx");
        String ownId = (String) own.getBody().get("id");
        assertThat(TopicRecords.await(Topics.REGISTRATION_ACCOUNTS_INTERNAL, record -> ownId.equals(record.key()))
                .value()).contains("\"accountIds\":[\"acct-focal-mx2\"]");
    }

    @Test
    void delegateJoiningTheirStatesDelegationIsLinkedWithItsFocalPoint() {
        String conference = conference(false);
        String mexico = formDelegationAsSecretariat(conference, "acct-focal-mx3");

        ResponseEntity<Map> created = register(as("acct-joining", Role.DELEGATE), conference,
                member(mexican("joining@example.mx"), mexico));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        assertThat(TopicRecords.await(Topics.REGISTRATION_ACCOUNTS_INTERNAL, record -> id.equals(record.key()))
                .value()).contains("\"accountIds\":[\"acct-focal-mx3\",\"acct-joining\"]");
        assertThat(status(as("acct-focal-mx3", Role.FOCAL_POINT).get().uri("/api/registrations/{id}", id)))
                .isEqualTo(200);
    }

    @Test
    void delegateCannotApproveTheirOwnRegistration() {
        String conference = conference(false);
        RestClient delegate = as("acct-self-approver", Role.DELEGATE);
        String id = (String) register(delegate, conference, mexican("self@example.mx")).getBody().get("id");

        ResponseEntity<Map> approval = delegate.post().uri("/api/registrations/{id}/approval", id)
                .retrieve().toEntity(Map.class);
        ResponseEntity<Map> rejection = delegate.post().uri("/api/registrations/{id}/rejection", id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "changed my mind"))
                .retrieve().toEntity(Map.class);

        assertThat(approval.getStatusCode().value()).isEqualTo(403);
        assertThat(approval.getHeaders().getContentType()).matches(
                    type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(rejection.getStatusCode().value()).isEqualTo(403);
        assertThat(delegate.get().uri("/api/registrations/{id}", id).retrieve().body(Map.class))
                .containsEntry("status", "PENDING");
    }

    @Test
    void onlyTheOwnerAndTheVisaDeskReadPassportData() {
        String conference = conference(false);
        String mexico = formDelegationAsSecretariat(conference, "acct-focal-visa");
        RestClient owner = as("acct-passport-owner", Role.DELEGATE);
        RestClient focalPoint = as("acct-focal-visa", Role.FOCAL_POINT);
        RestClient secretariat = as("acct-secretary", Role.SECRETARIAT);
        Map<String, Object> request = member(mexican("passport@example.mx"), mexico);
        request.put("visaLetter", Map.of("passportNumber", PASSPORT_NUMBER, "nationality", "MX",
                "dateOfBirth", DATE_OF_BIRTH, "passportExpiry", "2031-12-31"));
        String id = (String) register(owner, conference, request).getBody().get("id");
        assertThat(status(secretariat.post().uri("/api/registrations/{id}/approval", id))).isEqualTo(200);

        String ownersLetter = owner.get().uri("/api/registrations/{id}/visa-letter", id).retrieve().body(String.class);
        String visaDesksLetter = as("acct-visa-desk", Role.VISA_DESK).get()
                .uri("/api/registrations/{id}/visa-letter", id).retrieve().body(String.class);
        assertThat(ownersLetter).contains(PASSPORT_NUMBER, DATE_OF_BIRTH);
        assertThat(visaDesksLetter).contains(PASSPORT_NUMBER, DATE_OF_BIRTH);
        assertThat(status(focalPoint.get().uri("/api/registrations/{id}/visa-letter", id))).isEqualTo(403);
        assertThat(status(secretariat.get().uri("/api/registrations/{id}/visa-letter", id))).isEqualTo(403);
        assertThat(status(as("acct-nosy", Role.DELEGATE).get().uri("/api/registrations/{id}/visa-letter", id)))
                .isEqualTo(403);
        assertThat(status(anonymous().get().uri("/api/registrations/{id}/visa-letter", id))).isEqualTo(401);
        assertThat(status(focalPoint.delete().uri("/api/registrations/{id}/visa-letter", id))).isEqualTo(403);

        List<String> everyOtherResponse = List.of(
                owner.get().uri("/api/registrations/{id}", id).retrieve().body(String.class),
                focalPoint.get().uri("/api/registrations/{id}", id).retrieve().body(String.class),
                secretariat.get().uri("/api/registrations/{id}", id).retrieve().body(String.class),
                secretariat.get().uri("/api/conferences/{c}/registrations", conference).retrieve().body(String.class),
                secretariat.get().uri("/api/conferences/{c}/registrations/export.csv", conference)
                        .retrieve().body(String.class),
                focalPoint.get().uri("/api/conferences/{c}/delegations/{d}/members", conference, mexico)
                        .retrieve().body(String.class),
                secretariat.get().uri("/api/conferences/{c}/delegations/{d}/members", conference, mexico)
                        .retrieve().body(String.class));
        // Each holds the registration, so a passport number in it would be found.
        for (String body : everyOtherResponse) {
            assertThat(body).contains(id).doesNotContain(PASSPORT_NUMBER, DATE_OF_BIRTH, "2031-12-31");
        }
    }

    @Test
    void serverOwnedFieldsCannotBeSetByClients() {
        String conference = conference(false);
        String id = (String) register(http, conference, mexican("owned@example.mx")).getBody().get("id");
        Map<String, Object> serverOwned = Map.ofEntries(Map.entry("id", "chosen-id"),
                Map.entry("registrationId", "chosen-id"), Map.entry("conferenceId", "other-conference"),
                Map.entry("status", "APPROVED"), Map.entry("region", "EUROPE_AND_NORTH_AMERICA"),
                Map.entry("registeredAt", "2013-01-01T00:00:00Z"), Map.entry("createdAt", "2013-01-01T00:00:00Z"),
                Map.entry("decidedAt", "2013-01-01T00:00:00Z"), Map.entry("decidedBy", "me"),
                Map.entry("rejectionReason", "none"), Map.entry("offerExpiresAt", "2099-01-01T00:00:00Z"),
                Map.entry("visaLetterRequested", true), Map.entry("badgeToken", "forged.token"),
                Map.entry("accountId", "acct-attacker"), Map.entry("accountIds", List.of("acct-attacker")));

        for (Map.Entry<String, Object> field : serverOwned.entrySet()) {
            Map<String, Object> registration = mexican(field.getKey() + "@example.mx");
            registration.put(field.getKey(), field.getValue());
            ResponseEntity<Map> created = register(http, conference, registration);
            ResponseEntity<Map> patched = http.patch().uri("/api/registrations/{id}", id)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of(field.getKey(), field.getValue()))
                    .retrieve().toEntity(Map.class);

            assertThat(created.getStatusCode().value()).as("POST " + field.getKey()).isEqualTo(400);
            assertThat(created.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(fields(created)).as("POST " + field.getKey()).containsExactly(field.getKey());
            assertThat(patched.getStatusCode().value()).as("PATCH " + field.getKey()).isEqualTo(400);
            assertThat(fields(patched)).as("PATCH " + field.getKey()).containsExactly(field.getKey());
        }
        ResponseEntity<Map> delegation = http.post().uri("/api/conferences/{c}/delegations", conference)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("countryCode", "MX", "name", "Delegation of Mexico", "focalPoint", focalPoint(null),
                        "accountIds", List.of("acct-attacker")))
                .retrieve().toEntity(Map.class);
        assertThat(delegation.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(delegation)).containsExactly("accountIds");
        assertThat(search(conference)).hasSize(1);
        assertThat(http.get().uri("/api/registrations/{id}", id).retrieve().body(Map.class))
                .containsEntry("status", "PENDING").containsEntry("region", "LATIN_AMERICA_AND_THE_CARIBBEAN");
    }

    @Test
    void focalPointCannotNameAnotherAccountAsTheDelegationsFocalPoint() {
        String conference = conference(false);

        ResponseEntity<Map> formed = formDelegation(as("acct-focal-honest", Role.FOCAL_POINT), conference, "MX",
                "acct-someone-else");

        assertThat(formed.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(formed)).containsExactly("focalPoint.accountId");
    }

    @Test
    void decisionsRecordTheDecidingAccount() {
        String conference = conference(false);
        RestClient delegate = as("acct-decided-delegate", Role.DELEGATE);
        String approved = (String) register(delegate, conference, mexican("approved@example.mx")).getBody().get("id");
        String withdrawn = (String) register(delegate, conference, mexican("withdrawn@example.mx")).getBody().get("id");

        int approval = status(as("acct-secretary-7", Role.SECRETARIAT).post()
                .uri("/api/registrations/{id}/approval", approved).header("X-Acting-User", "someone-else"));
        int withdrawal = status(delegate.post().uri("/api/registrations/{id}/withdrawal", withdrawn));

        assertThat(approval).isEqualTo(200);
        assertThat(withdrawal).isEqualTo(200);
        assertThat(decidedBy(approved)).isEqualTo("acct-secretary-7");
        assertThat(decidedBy(withdrawn)).isEqualTo("acct-decided-delegate");
    }

    @Test
    void expiredAndForeignKeyTokensAreRefusedEvenWhereAnonymousVisitorsAreWelcome() {
        String conference = conference(false);
        List<String> rejectedTokens = List.of(
                TestTokens.of("acct-expired", Role.SECRETARIAT).expiredSince(Duration.ofMinutes(5)).bearer(),
                TestTokens.of("acct-forged", Role.SECRETARIAT).signedByUnknownKey().bearer(),
                TestTokens.of("acct-elsewhere", Role.SECRETARIAT).forAudience("another-api").bearer());

        for (String token : rejectedTokens) {
            RestClient client = anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, token).build();
            ResponseEntity<Map> search = client.get().uri("/api/conferences/{c}/registrations", conference)
                    .retrieve().toEntity(Map.class);
            ResponseEntity<Map> registration = register(client, conference, mexican("token@example.mx"));

            assertThat(search.getStatusCode().value()).isEqualTo(401);
            assertThat(search.getHeaders().getContentType()).matches(
                    type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(registration.getStatusCode().value()).isEqualTo(401);
        }
        assertThat(search(conference)).isEmpty();
    }

    private String decidedBy(String registrationId) {
        return jdbc.sql("select decided_by from registration where registration_id = ?").param(registrationId)
                .query(String.class).single();
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static ResponseEntity<Map> register(RestClient client, String conference, Map<String, Object> request) {
        return client.post().uri("/api/conferences/{c}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toEntity(Map.class);
    }

    private List<Map<String, Object>> search(String conference) {
        return http.get().uri("/api/conferences/{c}/registrations", conference).retrieve().body(List.class);
    }

    private ResponseEntity<Map> formDelegation(RestClient client, String conference, String countryCode,
                                               String focalPointAccount) {
        return client.post().uri("/api/conferences/{c}/delegations", conference)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("countryCode", countryCode, "name", "Delegation " + countryCode,
                        "focalPoint", focalPoint(focalPointAccount)))
                .retrieve().toEntity(Map.class);
    }

    private String formDelegationAsSecretariat(String conference, String focalPointAccount) {
        return formDelegationAsSecretariat(conference, "MX", focalPointAccount);
    }

    private String formDelegationAsSecretariat(String conference, String countryCode, String focalPointAccount) {
        ResponseEntity<Map> formed = formDelegation(http, conference, countryCode, focalPointAccount);
        assertThat(formed.getStatusCode().value()).isEqualTo(201);
        return (String) formed.getBody().get("id");
    }

    private static Map<String, Object> focalPoint(String accountId) {
        Map<String, Object> focalPoint = new HashMap<>(Map.of("givenName", "Ana", "familyName", "Ruiz",
                "email", "focal.point@sep.example.mx"));
        if (accountId != null) {
            focalPoint.put("accountId", accountId);
        }
        return focalPoint;
    }

    private static Map<String, Object> member(Map<String, Object> delegate, String delegationId) {
        delegate.put("delegationId", delegationId);
        return delegate;
    }

    /** Plays agenda-service: announces a conference open for registration and waits until this service knows it. */
    private String conference(boolean accountRequired) {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Mexico City",
                "MX", "Centro Citibanamex", "America/Mexico_City", LocalDate.parse("2015-09-28"),
                LocalDate.parse("2015-09-30"), List.of("en", "es", "fr"), Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS), 100, accountRequired));
        return awaitKnownConference(id);
    }

    private static Map<String, Object> mexican(String email) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("givenName", "Rosa"), Map.entry("familyName", "Hernández"), Map.entry("email", email),
                Map.entry("category", "MEMBER_STATE_DELEGATE"), Map.entry("countryCode", "MX"),
                Map.entry("correspondenceLanguage", "es"), Map.entry("listeningLanguages", List.of("es", "en"))));
    }

    private static Map<String, Object> brazilian(String email) {
        Map<String, Object> delegate = mexican(email);
        delegate.put("countryCode", "BR");
        delegate.put("correspondenceLanguage", "pt");
        return delegate;
    }

    private static List<Object> fields(ResponseEntity<Map> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
