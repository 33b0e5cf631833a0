package org.learningcities.notification.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP SMS providers, in order of preference, and how long to wait for them.
 *
 * @param providers      tried in this order; none configured means no SMS channel at all
 * @param senderId       what the recipient's phone shows as sender (alphanumeric ids are at most 11 characters)
 * @param connectTimeout how long to wait for a provider to accept the connection
 * @param requestTimeout how long to wait for a provider's answer once connected
 * @param coolDown       how long a provider that just failed is tried only after the others
 */
@ConfigurationProperties("notification.sms")
@Validated
record SmsProperties(
        @DefaultValue List<@Valid Provider> providers,
        @DefaultValue("LearnCities") String senderId,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("30s") Duration coolDown) {

    SmsProperties {
        providers = List.copyOf(providers);
    }

    /**
     * @param name  appears in the delivery log and the metrics, e.g. {@code primary} or the vendor's name
     * @param url   where messages are posted
     * @param token sent as a bearer token
     */
    record Provider(@NotBlank String name, @NotNull URI url, @NotBlank String token) {

        @Override
        public String toString() {
            return "Provider[name=" + name + ", url=" + url + "]";   // keeps the token out of logs
        }
    }
}
