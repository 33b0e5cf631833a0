package org.learningcities.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.EventType;
import org.learningcities.contracts.Topics;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class RegistrationWorkflowApiTest extends RegistrationLifecycleApiTest {

    @Test
    void approvesAPendingRegistrationAndAnnouncesItWithoutContactData() {
        String conference = openConference(10);
        String id = register(conference, "approve.me@beijing.example");

        ResponseEntity<Map> approved = post("approval", id);

        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody()).containsEntry("status", "APPROVED");
        assertThat(((Map<String, Object>) approved.getBody().get("decidedAt")).keySet())
                .containsExactlyInAnyOrder("local", "utc");
        Received event = awaitEvent(id, EventCatalog.DELEGATE_APPROVED);
        assertThat(event.value()).contains("\"category\":\"CITY_EDUCATION_EXECUTIVE\"", "\"listeningLanguages\"")
                .doesNotContain("approve.me@beijing.example", "+86", "Wang");
    }

    @Test
    void requiresAReasonToReject() {
        String id = register(openConference(10), "no.reason@example.org");

        ResponseEntity<Map> response = http.post().uri("/api/registrations/{id}/rejection", id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("reason");
        assertThat(read(id)).containsEntry("status", "PENDING");
    }

    @Test
    void rejectsWithTheReasonAndRefusesToApproveTheRejectedRegistrationNamingItsStatus() {
        String id = register(openConference(10), "rejected@example.org");

        ResponseEntity<Map> rejected = reject(id, "Not a member of a learning city network");
        ResponseEntity<Map> approval = post("approval", id);

        assertThat(rejected.getBody()).containsEntry("status", "REJECTED")
                .containsEntry("rejectionReason", "Not a member of a learning city network");
        assertThat(awaitEvent(id, EventCatalog.DELEGATE_REJECTED).value())
                .contains("\"reason\":\"Not a member of a learning city network\"");
        assertThat(approval.getStatusCode().value()).isEqualTo(409);
        assertThat(approval.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(approval.getBody()).containsEntry("status", "REJECTED");
        assertThat((String) approval.getBody().get("detail")).contains("REJECTED");
    }

    @Test
    void approvingAnApprovedRegistrationAgainChangesNothingAndAnnouncesNothing() {
        String id = register(openConference(10), "twice@example.org");

        Map<?, ?> first = post("approval", id).getBody();
        ResponseEntity<Map> second = post("approval", id);
        post("withdrawal", id);

        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody()).isEqualTo(first);
        // One delegate's events share a partition, so every approval precedes the withdrawal on the topic.
        assertThat(typesUntil(id, EventCatalog.DELEGATE_WITHDRAWN)).containsExactly(
                EventCatalog.DELEGATE_REGISTERED.type(), EventCatalog.DELEGATE_APPROVED.type(),
                EventCatalog.DELEGATE_WITHDRAWN.type());
    }

    @Test
    void refusesToWithdrawARejectedRegistration() {
        String id = register(openConference(10), "gone@example.org");
        reject(id, "Duplicate of another delegate");

        ResponseEntity<Map> withdrawal = post("withdrawal", id);

        assertThat(withdrawal.getStatusCode().value()).isEqualTo(409);
        assertThat(withdrawal.getBody()).containsEntry("status", "REJECTED");
    }

    @Test
    void rejectingThePendingRegistrationOfAFullConferenceWithNoOneWaitingFreesItsPlace() {
        String conference = openConference(1);
        String holder = register(conference, "holder@example.org");

        reject(holder, "Registered by mistake");

        assertThat(read(register(conference, "newcomer@example.org"))).containsEntry("status", "PENDING");
    }

    @Test
    void withdrawingFreesAPlaceThatIsOfferedToTheFirstInTheWaitingList() {
        String conference = openConference(1);
        String holder = register(conference, "holder@example.org");
        String first = register(conference, "first.waiting@example.org");
        String second = register(conference, "second.waiting@example.org");

        ResponseEntity<Map> withdrawn = post("withdrawal", holder);

        assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
        assertThat(awaitEvent(holder, EventCatalog.DELEGATE_WITHDRAWN).value()).contains(holder);
        assertThat(awaitEvent(first, EventCatalog.WAITLIST_OFFER_MADE).value()).contains("\"expiresAt\"");
        Map<?, ?> offered = read(first);
        assertThat(offered.get("status")).isEqualTo("WAITLISTED");
        Instant expiresAt = Instant.parse((String) ((Map<?, ?>) offered.get("offerExpiresAt")).get("utc"));
        assertThat(expiresAt).isBetween(clock.instant().plus(Duration.ofHours(47)),
                clock.instant().plus(Duration.ofHours(48)));
        assertThat(read(second).get("offerExpiresAt")).isNull();
        assertThat(read(register(conference, "latecomer@example.org")))
                .as("the freed place is reserved for the offer").containsEntry("status", "WAITLISTED");
    }

    @Test
    void placesFreedAtTheSameMomentAreOfferedToDifferentDelegates() throws Exception {
        String conference = openConference(2);
        List<String> holders = List.of(register(conference, "holder.1@example.org"),
                register(conference, "holder.2@example.org"));
        String first = register(conference, "first.waiting@example.org");
        String second = register(conference, "second.waiting@example.org");

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<ResponseEntity<Map>> withdrawal : pool.invokeAll(holders.stream()
                    .<Callable<ResponseEntity<Map>>>map(holder -> () -> post("withdrawal", holder)).toList())) {
                assertThat(withdrawal.get().getStatusCode().value()).isEqualTo(200);
            }
        }

        assertThat(read(first).get("offerExpiresAt")).isNotNull();
        assertThat(read(second).get("offerExpiresAt")).isNotNull();
    }

    @Test
    void acceptingAnOfferWithinItsValidityMakesTheRegistrationPending() {
        String conference = openConference(1);
        String holder = register(conference, "holder@example.org");
        String waiting = register(conference, "waiting@example.org");
        post("withdrawal", holder);

        ResponseEntity<Map> accepted = post("offer-acceptance", waiting);

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody()).containsEntry("status", "PENDING");
        assertThat(post("approval", waiting).getBody()).containsEntry("status", "APPROVED");
    }

    @Test
    void refusesToAcceptAnOfferThatWasNeverMade() {
        String conference = openConference(1);
        register(conference, "holder@example.org");
        String waiting = register(conference, "waiting@example.org");

        ResponseEntity<Map> accepted = post("offer-acceptance", waiting);

        assertThat(accepted.getStatusCode().value()).isEqualTo(409);
        assertThat(accepted.getBody()).containsEntry("title", "No offer");
    }

    @Test
    void anOfferNotTakenInTimeExpiresAndThePlaceIsOfferedToTheNextInLine() {
        String conference = openConference(1);
        String holder = register(conference, "holder@example.org");
        String first = register(conference, "first.waiting@example.org");
        String second = register(conference, "second.waiting@example.org");
        post("withdrawal", holder);
        awaitEvent(first, EventCatalog.WAITLIST_OFFER_MADE);

        clock.advance(Duration.ofHours(49));

        assertThat(awaitEvent(first, EventCatalog.WAITLIST_OFFER_EXPIRED).value()).contains(conference);
        assertThat(awaitEvent(second, EventCatalog.WAITLIST_OFFER_MADE).value()).contains(conference);
        ResponseEntity<Map> lateAcceptance = post("offer-acceptance", first);
        assertThat(lateAcceptance.getStatusCode().value()).isEqualTo(409);
        assertThat(lateAcceptance.getBody()).containsEntry("title", "Offer expired");
        assertThat(read(first)).containsEntry("status", "WAITLISTED");
        assertThat(post("offer-acceptance", second).getBody()).containsEntry("status", "PENDING");
    }

    private static Received awaitEvent(String registrationId, EventType<?> type) {
        return TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> registrationId.equals(record.key())
                && type.type().equals(record.headers().get("ce_type")));
    }

    /** The types of a delegate's events on the public topic, up to and including the first of {@code last}. */
    private static List<String> typesUntil(String registrationId, EventType<?> last) {
        List<String> types = new ArrayList<>();
        TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> {
            if (!registrationId.equals(record.key())) {
                return false;
            }
            types.add(record.headers().get("ce_type"));
            return last.type().equals(record.headers().get("ce_type"));
        });
        return types;
    }
}
