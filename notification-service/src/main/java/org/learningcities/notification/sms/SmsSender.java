package org.learningcities.notification.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.learningcities.notification.delivery.BoundedExchange;
import org.learningcities.notification.delivery.Channel;
import org.learningcities.notification.delivery.ChannelSender;
import org.learningcities.notification.delivery.DeliveryOutcome;
import org.learningcities.notification.delivery.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends SMS through HTTP providers with failover. This bean exists only when at least one provider is
 * configured under {@code notification.sms.providers}; without it there is no SMS channel and nothing
 * should be queued for SMS.
 *
 * <p>The provider API is a generic one; a real vendor is adapted here (or behind a small relay that speaks it):
 * {@code POST <url>} with {@code Authorization: Bearer <token>}, {@code Idempotency-Key: <notificationId>} (so
 * the provider drops a repeat after a retry) and the JSON body
 * {@code {"to": "+8613...", "from": "<sender-id>", "text": "...", "reference": "<notificationId>"}}; a 2xx
 * answer {@code {"id": "..."}} means the provider took the message.
 *
 * <p>400, 404 and 422 mean the message or the number is refused: another provider would refuse it too, so the
 * attempt fails for good. Any other answer, a timeout or a connection error means that provider failed: the next
 * one is tried in the same attempt, and the failed one goes last for {@code cool-down}, so a dead primary does
 * not add its timeout to every message. When every provider failed the dispatcher retries later.
 */
@Component
@Conditional(SmsSender.ProvidersConfigured.class)
class SmsSender implements ChannelSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    private static final int MAX_QUOTED_ANSWER = 200;
    /** A provider's answer is a small JSON object; more than this is not read. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final SmsProperties settings;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final Map<String, Instant> coolingDownUntil = new ConcurrentHashMap<>();

    SmsSender(SmsProperties settings, JsonMapper json, MeterRegistry meters) {
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        if (message.phone() == null || message.phone().isBlank()) {
            return new DeliveryOutcome.PermanentFailure("no phone number");
        }
        byte[] body = json.writeValueAsBytes(new SmsRequest(message.phone(), settings.senderId(),
                message.shortText(), message.notificationId().toString()));
        List<String> failures = new ArrayList<>();
        for (SmsProperties.Provider provider : inOrderOfTrial()) {
            Answer answer = post(provider, message, body);
            count(provider, answer);
            switch (answer) {
                case Answer.Accepted accepted -> {
                    coolingDownUntil.remove(provider.name());
                    return new DeliveryOutcome.Delivered(provider.name(), accepted.messageId());
                }
                case Answer.Refused refused -> {
                    return new DeliveryOutcome.PermanentFailure(provider.name() + " refused the message: "
                            + refused.reason());
                }
                case Answer.Failed failed -> {
                    log.warn("SMS provider {} failed for notification {}: {}", provider.name(),
                            message.notificationId(), failed.reason());
                    coolingDownUntil.put(provider.name(), Instant.now().plus(settings.coolDown()));
                    failures.add(provider.name() + ": " + failed.reason());
                }
                case Answer.Interrupted interrupted -> {
                    return new DeliveryOutcome.TemporaryFailure("interrupted while sending through "
                            + provider.name());
                }
            }
        }
        return new DeliveryOutcome.TemporaryFailure("every SMS provider failed: " + String.join("; ", failures));
    }

    /** Healthy providers in configured order, then those cooling down (in configured order, too). */
    private List<SmsProperties.Provider> inOrderOfTrial() {
        Instant now = Instant.now();
        return settings.providers().stream()
                .sorted(Comparator.comparing(provider -> coolingDownUntil.getOrDefault(provider.name(), Instant.MIN)
                        .isAfter(now)))
                .toList();
    }

    private Answer post(SmsProperties.Provider provider, OutgoingMessage message, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(provider.url())
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + provider.token())
                .header("Idempotency-Key", message.notificationId().toString())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            BoundedExchange.Answer response = BoundedExchange.send(http, request, MAX_ANSWER_BYTES);
            int status = response.status();
            if (status >= 200 && status < 300) {
                return new Answer.Accepted(messageId(response.body()));
            }
            String reason = "HTTP " + status + quoted(response.body());
            return switch (status) {
                case 400, 404, 422 -> new Answer.Refused(reason);
                default -> new Answer.Failed(reason);
            };
        } catch (HttpTimeoutException timeout) {
            return new Answer.Failed("timed out (" + timeout.getMessage() + ")");
        } catch (IOException unreachable) {
            return new Answer.Failed("unreachable (" + unreachable.getClass().getSimpleName()
                    + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage()) + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Answer.Interrupted();
        }
    }

    /** The provider took the message: a body without the id it promised must not make us send it twice. */
    private String messageId(String body) {
        try {
            JsonNode id = json.readTree(body).get("id");
            return id == null || id.isNull() ? null : id.asString();
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private void count(SmsProperties.Provider provider, Answer answer) {
        String outcome = switch (answer) {
            case Answer.Accepted accepted -> "delivered";
            case Answer.Refused refused -> "refused";
            case Answer.Failed failed -> "failed";
            case Answer.Interrupted interrupted -> "interrupted";
        };
        meters.counter("notification.sms.provider.requests", "provider", provider.name(), "outcome", outcome)
                .increment();
    }

    private static String quoted(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > MAX_QUOTED_ANSWER ? text.substring(0, MAX_QUOTED_ANSWER) + "…" : text);
    }

    @Override
    public void close() {
        http.close();
    }

    /** The provider API's request body. */
    private record SmsRequest(String to, String from, String text, String reference) {
    }

    /** What one provider made of one message. */
    private sealed interface Answer {

        record Accepted(String messageId) implements Answer {
        }

        /** The message or the number: no other provider would take it either. */
        record Refused(String reason) implements Answer {
        }

        /** The provider itself: another one may do. */
        record Failed(String reason) implements Answer {
        }

        record Interrupted() implements Answer {
        }
    }

    /** Binds the provider list the way the properties record will, so a list set by environment variables counts. */
    static final class ProvidersConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("notification.sms.providers", Bindable.listOf(SmsProperties.Provider.class))
                    .map(providers -> !providers.isEmpty())
                    .orElse(false);
        }
    }
}
