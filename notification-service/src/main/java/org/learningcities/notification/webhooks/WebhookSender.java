package org.learningcities.notification.webhooks;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.learningcities.notification.delivery.BoundedExchange;
import org.learningcities.notification.webhooks.AddressPolicy.RefusedAddressException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes one signed HTTP POST to a partner. The host is resolved and checked by the {@link AddressPolicy} for every
 * attempt, and the request goes to the checked address itself: the URL's host travels only in the Host header and,
 * for https, in SNI and certificate verification. Redirects are never followed (they could lead anywhere), and the
 * whole exchange ends within the request timeout ({@link BoundedExchange}).
 */
@Component
class WebhookSender {

    private final AddressPolicy addresses;
    private final WebhookProperties settings;
    private final Supplier<SSLContext> tls;

    @Autowired
    WebhookSender(AddressPolicy addresses, WebhookProperties settings) {
        this(addresses, settings, WebhookSender::defaultTrust);
    }

    /** @param tls a new TLS context per call: sessions cached by address must not be resumed for another host */
    WebhookSender(AddressPolicy addresses, WebhookProperties settings, Supplier<SSLContext> tls) {
        this.addresses = addresses;
        this.settings = settings;
        this.tls = tls;
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "partner.example");
        } catch (IllegalArgumentException restricted) {
            throw new IllegalStateException("The JDK HTTP client was initialised before webhooks could allow the Host "
                    + "header; start the JVM with -Djdk.httpclient.allowRestrictedHeaders=host", restricted);
        }
    }

    /** The partner's HTTP status; throws when no response came or the address is refused. */
    int post(String url, String messageId, String secret, String body)
            throws IOException, InterruptedException, RefusedAddressException {
        URI target = URI.create(url);
        InetAddress address = addresses.resolve(target.getHost()).getFirst();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(pinned(target, address))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(settings.requestTimeout())
                .header("Host", target.getRawAuthority())
                .header("Content-Type", "application/json")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", SigningSecrets.signature(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        // A client per attempt: SNI and the TLS context are client settings, and must be this partner's alone.
        // The partner's body is of no use: only its status counts, and nothing of the body is read.
        try (HttpClient client = client(target)) {
            return BoundedExchange.send(client, request, 0).status();
        }
    }

    private HttpClient client(URI target) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY);
        if ("https".equalsIgnoreCase(target.getScheme())) {
            SSLContext context = tls.get();
            client.sslContext(context);
            if (!isLiteral(target.getHost())) {
                // The certificate is then verified against this name, not against the address connected to.
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(target.getHost())));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.sslParameters(parameters);
            }
        }
        return client.build();
    }

    private static SSLContext defaultTrust() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no TLS", e);
        }
    }

    /** The URL with its host replaced by the checked address; path and query stay exactly as the partner wrote them. */
    private static URI pinned(URI target, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create(target.getScheme() + "://" + host + (target.getPort() == -1 ? "" : ":" + target.getPort())
                + (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
