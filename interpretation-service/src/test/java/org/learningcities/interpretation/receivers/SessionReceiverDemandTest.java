package org.learningcities.interpretation.receivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.IntegrationEvent;
import org.learningcities.contracts.agenda.EnrolmentCancelled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.EnrolmentWaitlisted;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.ScheduleReleased.SessionState;
import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateProfileChanged;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.contracts.registration.DelegateRejected;
import org.learningcities.contracts.registration.DelegateWithdrawn;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Headsets per session and channel, as registrations, enrolments and releases arrive. */
class SessionReceiverDemandTest extends InterpretationIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);
    private static final Instant REGISTERED = Instant.parse("2013-07-01T08:00:00Z");
    private static final Instant APPROVED = Instant.parse("2013-08-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2013-09-01T08:00:00Z");
    private static final Instant OPENING = Instant.parse("2013-10-21T01:00:00Z");

    @Autowired
    RestTestClient http;

    @Test
    void demandOfASessionRequiringEnrolmentFollowsConfirmedEnrolments() {
        String conference = newConference();
        String forum = "forum-" + UUID.randomUUID();
        publish(release(conference, 1, session(forum, 0, List.of("en"), List.of("zh", "fr"), true, false)));
        String chinese = approved(conference, List.of("zh"));
        String french = approved(conference, List.of("fr"));
        String waiting = approved(conference, List.of("zh"));

        publish(new EnrolmentConfirmed(forum, conference, chinese, LATER));
        publish(new EnrolmentConfirmed(forum, conference, french, LATER));
        publish(new EnrolmentWaitlisted(forum, conference, waiting, 1, LATER));

        awaitSession(conference, forum, new ReceiverDemand.SessionDemand(forum, OPENING, OPENING.plusSeconds(5400),
                "Hall B", 2, 0, 0, 2, List.of(channel("zh", 1), channel("fr", 1))));

        publish(new EnrolmentCancelled(forum, conference, chinese, LATER.plusSeconds(60)));

        awaitSession(conference, forum, new ReceiverDemand.SessionDemand(forum, OPENING, OPENING.plusSeconds(5400),
                "Hall B", 1, 0, 0, 1, List.of(channel("zh", 0), channel("fr", 1))));
    }

    @Test
    void aDelegateWhoUnderstandsTheFloorNeedsNoHeadset() {
        String conference = newConference();
        String plenary = "plenary-" + UUID.randomUUID();
        String bilingual = "bilingual-" + UUID.randomUUID();
        publish(release(conference, 1,
                session(plenary, 0, List.of("en"), List.of("zh", "fr"), false, false),
                session(bilingual, 0, List.of("en", "zh"), List.of("en", "zh", "fr"), false, false)));

        approved(conference, List.of("zh", "en"));   // understands the English floor of the plenary
        approved(conference, List.of("zh"));         // needs Chinese in both, through the zh booth of the bilingual one
        approved(conference, List.of("ar"));         // understands neither the floor nor a channel

        awaitSession(conference, plenary, new ReceiverDemand.SessionDemand(plenary, OPENING,
                OPENING.plusSeconds(5400), "Hall B", 3, 1, 1, 1, List.of(channel("zh", 1), channel("fr", 0))));
        awaitSession(conference, bilingual, new ReceiverDemand.SessionDemand(bilingual, OPENING,
                OPENING.plusSeconds(5400), "Hall B", 3, 1, 1, 1,
                List.of(channel("en", 0), channel("zh", 1), channel("fr", 0))));
    }

    @Test
    void anOpenSessionCountsApprovedDelegatesOnly() {
        String conference = newConference();
        String plenary = "plenary-" + UUID.randomUUID();
        publish(release(conference, 1, session(plenary, 0, List.of("en"), List.of("fr"), false, false)));

        registered(conference, List.of("fr"));                                    // pending
        String rejected = approved(conference, List.of("fr"));
        publish(new DelegateRejected(rejected, conference, "Not a delegate of a Member State", LATER));
        String withdrawn = approved(conference, List.of("fr"));
        publish(new DelegateWithdrawn(withdrawn, conference, LATER));
        String changedMind = approved(conference, List.of("en"));
        publish(new DelegateProfileChanged(changedMind, conference, "MAYOR", "fr", List.of("fr"), false, false,
                LATER));
        String approved = approved(conference, List.of("fr"));
        // A replayed registration, older than the approval, does not make the delegate pending again. The profile
        // change after it, on the same partition, shows it has been consumed.
        publish(new DelegateRegistered(approved, conference, "CITY_EDUCATION_EXECUTIVE", "CN", "ASIA_AND_THE_PACIFIC",
                "fr", List.of("fr"), null, "PENDING", REGISTERED));
        publish(new DelegateProfileChanged(approved, conference, "CITY_EDUCATION_EXECUTIVE", "fr",
                List.of("fr", "es"), false, false, LATER));

        awaitSession(conference, plenary, new ReceiverDemand.SessionDemand(plenary, OPENING,
                OPENING.plusSeconds(5400), "Hall B", 2, 0, 0, 2, List.of(channel("fr", 2))));
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conference).channels())
                .as("the pool: pending and approved, not rejected or withdrawn")
                .containsExactly(channel("es", 1), channel("fr", 3)));
        awaitSession(conference, plenary, new ReceiverDemand.SessionDemand(plenary, OPENING,
                OPENING.plusSeconds(5400), "Hall B", 2, 0, 0, 2, List.of(channel("fr", 2))));
    }

    @Test
    void aCancelledSessionNeedsNoHeadsets() {
        String conference = newConference();
        String visit = "visit-" + UUID.randomUUID();
        String plenary = "plenary-" + UUID.randomUUID();
        approved(conference, List.of("fr"));
        publish(release(conference, 1, session(visit, 0, List.of("en"), List.of("fr"), false, false),
                session(plenary, 0, List.of("en"), List.of("fr"), false, false)));
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conference).sessions())
                .extracting(ReceiverDemand.SessionDemand::sessionId).containsExactlyInAnyOrder(visit, plenary));

        publish(release(conference, 2, session(visit, 1, List.of("en"), List.of("fr"), false, true)));

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conference).sessions())
                .extracting(ReceiverDemand.SessionDemand::sessionId).containsExactly(plenary));
    }

    private void awaitSession(String conferenceId, String sessionId, ReceiverDemand.SessionDemand expected) {
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conferenceId).sessions())
                .filteredOn(session -> session.sessionId().equals(sessionId))
                .containsExactly(expected));
    }

    private ReceiverDemand receivers(String conferenceId) {
        return http.get().uri("/api/conferences/{id}/interpretation/receivers", conferenceId).exchange()
                .expectStatus().isOk()
                .expectBody(ReceiverDemand.class).returnResult().getResponseBody();
    }

    private static String registered(String conferenceId, List<String> listeningLanguages) {
        String registrationId = "reg-" + UUID.randomUUID();
        publish(new DelegateRegistered(registrationId, conferenceId, "CITY_EDUCATION_EXECUTIVE", "CN",
                "ASIA_AND_THE_PACIFIC", listeningLanguages.getFirst(), listeningLanguages, null, "PENDING",
                REGISTERED));
        return registrationId;
    }

    private static String approved(String conferenceId, List<String> listeningLanguages) {
        String registrationId = registered(conferenceId, listeningLanguages);
        publish(new DelegateApproved(registrationId, conferenceId, "CITY_EDUCATION_EXECUTIVE", listeningLanguages,
                APPROVED));
        return registrationId;
    }

    private static ScheduleReleased release(String conferenceId, int version, SessionState... sessions) {
        return new ScheduleReleased(conferenceId, version, OPENING.minusSeconds(86_400L * 30), List.of(),
                List.of(sessions));
    }

    private static SessionState session(String sessionId, int sequence, List<String> floor,
                                        List<String> interpretation, boolean enrolmentRequired, boolean cancelled) {
        return new SessionState(sessionId, sequence, Map.of("en", "Session " + sessionId), OPENING,
                OPENING.plusSeconds(5400), "hall-b", "Hall B", 4, floor, interpretation, enrolmentRequired, cancelled,
                cancelled ? "Typhoon warning" : null, null, null, null);
    }

    private static void publish(IntegrationEvent event) {
        TestEvents.publish(event);
    }

    private static String newConference() {
        return "beijing-2013-" + UUID.randomUUID();
    }

    private static ReceiverDemand.Channel channel(String language, int delegates) {
        return new ReceiverDemand.Channel(language, delegates);
    }
}
