package org.learningcities.registration.delegation;

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
import org.springframework.http.ResponseEntity;

class DelegationApiTest extends RegistrationIntegrationTest {

    @Test
    void formsADelegationAndListsAndReadsIt() {
        String conference = openConference(100);

        ResponseEntity<Map> created = formDelegation(conference, "MX", "Delegation of Mexico");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation())
                .hasToString("/api/conferences/" + conference + "/delegations/" + id);
        assertThat(created.getBody()).containsEntry("countryCode", "MX")
                .containsEntry("region", "LATIN_AMERICA_AND_THE_CARIBBEAN")
                .containsEntry("name", "Delegation of Mexico");
        assertThat((Map<String, Object>) created.getBody().get("focalPoint"))
                .containsEntry("email", "focal.point@sep.example.mx").containsEntry("phone", "+525536011000");

        Map<?, ?> read = http.get().uri("/api/conferences/{c}/delegations/{d}", conference, id)
                .retrieve().body(Map.class);
        List<Object> listed = http.get().uri("/api/conferences/{c}/delegations", conference).retrieve().body(List.class);
        assertThat(read).isEqualTo(created.getBody());
        assertThat(listed).containsExactly(created.getBody());
    }

    @Test
    void refusesASecondDelegationForTheSameCountry() {
        String conference = openConference(100);
        String first = (String) formDelegation(conference, "MX", "Delegation of Mexico").getBody().get("id");

        ResponseEntity<Map> second = formDelegation(conference, "MX", "Mexican Delegation");

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody()).containsEntry("delegationId", first);
    }

    @Test
    void namesTheInvalidFieldsOfADelegation() {
        String conference = openConference(100);

        ResponseEntity<Map> response = http.post().uri("/api/conferences/{c}/delegations", conference)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("countryCode", "XX", "name", "Delegation of Nowhere",
                        "focalPoint", Map.of("givenName", "Ana", "familyName", "Ruiz", "email", "not-an-email",
                                "phone", "555")))
                .retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("countryCode", "focalPoint.email", "focalPoint.phone");
    }

    @Test
    void registersAMemberAsAMemberStateDelegateOfTheDelegation() {
        String conference = openConference(100);
        String delegation = (String) formDelegation(conference, "MX", "Delegation of Mexico").getBody().get("id");
        Map<String, Object> member = mexican("vice.minister@sep.example.mx");
        member.remove("category");

        ResponseEntity<Map> created = registerMember(conference, delegation, member, null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("delegationId", delegation)
                .containsEntry("category", "MEMBER_STATE_DELEGATE").containsEntry("status", "PENDING");
        List<Map<String, Object>> members = http.get()
                .uri("/api/conferences/{c}/delegations/{d}/members", conference, delegation).retrieve().body(List.class);
        assertThat(members).singleElement().satisfies(listed -> assertThat(listed)
                .containsEntry("registrationId", created.getBody().get("id"))
                .containsEntry("email", "vice.minister@sep.example.mx"));
    }

    @Test
    void refusesAMemberFromAnotherCountry() {
        String conference = openConference(100);
        String delegation = (String) formDelegation(conference, "MX", "Delegation of Mexico").getBody().get("id");
        Map<String, Object> colombian = mexican("colombian@example.co");
        colombian.put("countryCode", "CO");

        ResponseEntity<Map> response = registerMember(conference, delegation, colombian, null);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("countryCode");
        assertThat(http.get().uri("/api/conferences/{c}/delegations/{d}/members", conference, delegation)
                .retrieve().body(List.class)).isEmpty();
    }

    @Test
    void refusesARegistrationNamingAnUnknownDelegation() {
        String conference = openConference(100);
        Map<String, Object> request = mexican("stray@example.mx");
        request.put("delegationId", "no-such-delegation");

        ResponseEntity<Map> response = http.post().uri("/api/conferences/{c}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).containsExactly("delegationId");
    }

    @Test
    void registersAMemberOnceWhenTheFocalPointRetriesWithTheSameIdempotencyKey() {
        String conference = openConference(100);
        String delegation = (String) formDelegation(conference, "MX", "Delegation of Mexico").getBody().get("id");
        Map<String, Object> member = mexican("adviser@sep.example.mx");

        ResponseEntity<Map> first = registerMember(conference, delegation, member, "member-adviser");
        ResponseEntity<Map> retry = registerMember(conference, delegation, member, "member-adviser");

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get().uri("/api/conferences/{c}/delegations/{d}/members", conference, delegation)
                .retrieve().body(List.class)).hasSize(1);
    }

    @Test
    void waitlistsMembersBeyondTheConferenceCapacity() {
        String conference = openConference(1);
        String delegation = (String) formDelegation(conference, "MX", "Delegation of Mexico").getBody().get("id");

        Object firstStatus = registerMember(conference, delegation, mexican("one@sep.example.mx"), null)
                .getBody().get("status");
        Object secondStatus = registerMember(conference, delegation, mexican("two@sep.example.mx"), null)
                .getBody().get("status");

        assertThat(List.of(firstStatus, secondStatus)).containsExactly("PENDING", "WAITLISTED");
    }

    @Test
    void namesInvalidMemberFieldsLikeARegistration() {
        String conference = openConference(100);
        String delegation = (String) formDelegation(conference, "MX", "Delegation of Mexico").getBody().get("id");
        Map<String, Object> member = mexican("not-an-email");
        member.put("visaLetter", Map.of("passportNumber", "G1234567", "nationality", "MX",
                "dateOfBirth", "1975-04-12", "passportExpiry", "2001-01-01"));

        ResponseEntity<Map> response = registerMember(conference, delegation, member, null);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).containsExactlyInAnyOrder("email", "visaLetter.passportExpiry");
    }

    @Test
    void answersAnUnknownDelegationWithNotFound() {
        String conference = openConference(100);

        ResponseEntity<Map> response = registerMember(conference, "no-such-delegation", mexican("x@example.mx"), null);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void documentsTheDelegationAndVisaLetterEndpoints() {
        Map<String, Map<String, Object>> openApi = http.get().uri("/v3/api-docs").retrieve().body(Map.class);

        assertThat(openApi.get("paths").keySet()).contains(
                "/api/conferences/{conferenceId}/delegations",
                "/api/conferences/{conferenceId}/delegations/{delegationId}",
                "/api/conferences/{conferenceId}/delegations/{delegationId}/members",
                "/api/registrations/{registrationId}/visa-letter");
    }

    private ResponseEntity<Map> formDelegation(String conference, String countryCode, String name) {
        return http.post().uri("/api/conferences/{c}/delegations", conference)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("countryCode", countryCode, "name", name,
                        "focalPoint", Map.of("givenName", "Ana", "familyName", "Ruiz",
                                "email", "focal.point@sep.example.mx", "phone", "+525536011000",
                                "position", "Director-General for International Affairs")))
                .retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> registerMember(String conference, String delegation, Map<String, Object> member,
                                               String idempotencyKey) {
        return http.post().uri("/api/conferences/{c}/delegations/{d}/members", conference, delegation)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(member).retrieve().toEntity(Map.class);
    }

    private String openConference(int capacity) {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Mexico City",
                "MX", "Centro Citibanamex", "America/Mexico_City", LocalDate.parse("2015-09-28"),
                LocalDate.parse("2015-09-30"), List.of("en", "es", "fr"), Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS), capacity, false));
        return awaitKnownConference(id);
    }

    private static Map<String, Object> mexican(String email) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("givenName", "Rosa"), Map.entry("familyName", "Hernández"), Map.entry("email", email),
                Map.entry("phone", "+525536011000"), Map.entry("organisation", "Secretaría de Educación Pública"),
                Map.entry("position", "Adviser"), Map.entry("category", "MEMBER_STATE_DELEGATE"),
                Map.entry("countryCode", "MX"), Map.entry("city", "Mexico City"),
                Map.entry("correspondenceLanguage", "es"), Map.entry("listeningLanguages", List.of("es", "en"))));
    }

    private static List<Object> fields(ResponseEntity<Map> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
