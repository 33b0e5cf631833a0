package org.learningcities.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ProfileChangeApiTest extends RegistrationLifecycleApiTest {

    @Test
    void changingTheListeningLanguagesAnnouncesTheNewProfileWithoutContactData() {
        String id = register(openConference(10), "languages@example.org");

        ResponseEntity<Map> changed = patch(id, Map.of("listeningLanguages", List.of("fr", "ar")));

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody().get("listeningLanguages")).isEqualTo(List.of("fr", "ar"));
        Received event = TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key())
                && EventCatalog.DELEGATE_PROFILE_CHANGED.type().equals(record.headers().get("ce_type")));
        assertThat(event.value()).contains("\"listeningLanguages\":[\"fr\",\"ar\"]")
                .doesNotContain("languages@example.org", "Wang");
    }

    @Test
    void changingTheEmailAnnouncesTheNewContactOnTheInternalTopicOnly() {
        String id = register(openConference(10), "old.address@example.org");

        ResponseEntity<Map> changed = patch(id, Map.of("email", "new.address@example.org"));

        assertThat(changed.getBody()).containsEntry("email", "new.address@example.org");
        assertThat(TopicRecords.await(Topics.REGISTRATION_CONTACTS_INTERNAL,
                record -> id.equals(record.key()) && record.value().contains("new.address@example.org")))
                .isNotNull();
    }

    @Test
    void refusesToLetAClientSetTheStatus() {
        String id = register(openConference(10), "status@example.org");

        ResponseEntity<Map> response = patch(id, Map.of("status", "APPROVED", "city", "Shanghai"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).containsExactly("status");
        assertThat(read(id)).containsEntry("status", "PENDING").containsEntry("city", "Beijing");
    }

    @Test
    void namesTheInvalidFieldsOfAChange() {
        String id = register(openConference(10), "invalid@example.org");

        ResponseEntity<Map> response = patch(id, Map.of("phone", "0044 20 1234", "listeningLanguages", List.of("!!")));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("phone", "listeningLanguages[0]");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        String id = register(openConference(10), "wrong.type@example.org");

        ResponseEntity<Map> response = patch(id, Map.of("listeningLanguages", Map.of("first", "en")));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("listeningLanguages");
    }

    @Test
    void refusesAnEmailAddressAnotherDelegateOfTheConferenceUses() {
        String conference = openConference(10);
        register(conference, "taken@example.org");
        String id = register(conference, "mine@example.org");

        ResponseEntity<Map> response = patch(id, Map.of("email", "Taken@example.org"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(read(id)).containsEntry("email", "mine@example.org");
    }

    @Test
    void refusesChangesToAnApprovedRegistrationOnceTheConferenceClosedThem() {
        String conference = openConference(CONFERENCE_WITH_CLOSED_CHANGES, 10);
        String id = register(conference, uniqueEmail("closed"));
        ResponseEntity<Map> beforeApproval = patch(id, Map.of("dietaryNeeds", "Vegetarian"));
        post("approval", id);

        ResponseEntity<Map> afterApproval = patch(id, Map.of("dietaryNeeds", "Halal"));

        assertThat(beforeApproval.getStatusCode().value()).isEqualTo(200);
        assertThat(afterApproval.getStatusCode().value()).isEqualTo(409);
        assertThat(afterApproval.getBody()).containsEntry("changeRule", "CLOSED");
        assertThat(read(id)).containsEntry("dietaryNeeds", "Vegetarian");
    }

    @Test
    void letsAnApprovedDelegateChangeTheirProfileWhereTheConferenceAllowsIt() {
        String id = register(openConference(10), "allowed@example.org");
        post("approval", id);

        ResponseEntity<Map> changed = patch(id, Map.of("accessibilityNeeds", "Wheelchair access"));

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody()).containsEntry("accessibilityNeeds", "Wheelchair access")
                .containsEntry("status", "APPROVED");
    }

    @Test
    void holdsAnApprovedDelegatesChangeUntilTheSecretariatAcceptsItWhereTheConferenceModeratesChanges() {
        String conference = openConference(CONFERENCE_WITH_MODERATED_CHANGES, 10);
        String id = register(conference, uniqueEmail("moderated"));
        post("approval", id);

        ResponseEntity<Map> held = patch(id, Map.of("listeningLanguages", List.of("ru")));
        Map<String, Object> beforeAcceptance = read(id);
        ResponseEntity<Map> accepted = http.post().uri(held.getHeaders().getLocation() + "/acceptance")
                .retrieve().toEntity(Map.class);

        assertThat(held.getStatusCode().value()).isEqualTo(202);
        assertThat(held.getHeaders().getLocation()).hasToString(
                "/api/registrations/" + id + "/profile-changes/" + held.getBody().get("changeId"));
        assertThat(beforeAcceptance.get("listeningLanguages")).isEqualTo(List.of("zh", "en"));
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().get("listeningLanguages")).isEqualTo(List.of("ru"));
        assertThat(TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key())
                && EventCatalog.DELEGATE_PROFILE_CHANGED.type().equals(record.headers().get("ce_type"))).value())
                .contains("\"listeningLanguages\":[\"ru\"]");
    }
}
