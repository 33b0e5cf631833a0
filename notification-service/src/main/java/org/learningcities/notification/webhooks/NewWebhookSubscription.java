package org.learningcities.notification.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * @param url         where events are POSTed: absolute http or https (https recommended), on a public address
 * @param eventTypes  CloudEvents types of public events, e.g. {@code org.learningcities.registration.delegate.checked-in.v1}
 * @param secret      the signing secret, {@code whsec_} + base64 of 24 to 64 bytes; generated when absent
 * @param description for the partner's own records
 */
record NewWebhookSubscription(
        @NotBlank @Size(max = 2000) @Schema(example = "https://portal.beijing.example/hooks/learning-cities")
        String url,
        @NotEmpty @Size(max = 100) List<@NotBlank String> eventTypes,
        @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
        @Size(max = 500) String description) {
}
