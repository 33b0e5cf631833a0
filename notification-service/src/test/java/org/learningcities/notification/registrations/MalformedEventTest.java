package org.learningcities.notification.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;

class MalformedEventTest extends NotificationServiceTest {

    @Test
    void deadLettersAMalformedEventWithTheReasonAndGoesOnWithThePartition() {
        TestDelegate delegate = TestDelegate.named("Grace", "Okafor", "en");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());

        // Same key as the next event: same partition, which must not stay blocked behind the poison.
        String poisonId = TestEvents.publishRaw(Topics.REGISTRATION_DELEGATES, delegate.registrationId(),
                EventCatalog.DELEGATE_REGISTERED.type(), "{\"registrationId\": 42".getBytes(StandardCharsets.UTF_8));
        String nextId = TestEvents.publish(delegate.registered());

        Received deadLetter = TopicRecords.await(Topics.REGISTRATION_DELEGATES + ".notification-service.dlq",
                record -> poisonId.equals(record.headers().get("ce_id"))
                        && record.headers().getOrDefault("x-exception-message", "").contains("not a valid"));
        assertThat(deadLetter.value()).isEqualTo("{\"registrationId\": 42");
        assertThat(deadLetter.headers().get("x-exception-message")).contains(poisonId);
        assertThat(awaitEmailCausedBy(delegate.email(), nextId)).isNotNull();
    }
}
