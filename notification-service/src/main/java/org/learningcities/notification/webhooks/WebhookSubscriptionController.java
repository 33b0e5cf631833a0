package org.learningcities.notification.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.notification.webhooks.AddressPolicy.RefusedAddressException;
import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/webhook-subscriptions")
@Tag(name = "Partner webhooks", description = "Public platform events POSTed to partner systems, signed as Standard "
        + "Webhooks specify (https://www.standardwebhooks.com/); see docs/webhooks.md")
class WebhookSubscriptionController {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final AddressPolicy addresses;

    WebhookSubscriptionController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
                                  AddressPolicy addresses) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.addresses = addresses;
    }

    @PostMapping
    @Operation(summary = "Subscribe a URL to public event types; the answer shows the signing secret, once")
    ResponseEntity<CreatedWebhookSubscription> subscribe(@Valid @RequestBody NewWebhookSubscription request) {
        List<Map<String, String>> errors = new ArrayList<>();
        urlProblem(request.url()).ifPresent(message -> errors.add(error("url", message)));
        for (int index = 0; index < request.eventTypes().size(); index++) {
            String type = request.eventTypes().get(index);
            if (EventCatalog.byType(type).filter(PartnerEventFanOut::isPublic).isEmpty()) {
                errors.add(error("eventTypes[" + index + "]", "is not a public event type: " + type));
            }
        }
        if (request.secret() != null) {
            SigningSecrets.problem(request.secret()).ifPresent(message -> errors.add(error("secret", message)));
        }
        if (!errors.isEmpty()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ",
                    errors.stream().map(error -> error.get("field") + " " + error.get("message")).toList()),
                    Map.of("errors", errors));
        }
        String secret = request.secret() != null ? request.secret() : SigningSecrets.generate();
        // The access rules let only authenticated partners here, so there is always an account.
        String owner = Caller.current().accountId().orElseThrow();
        WebhookSubscriptionView created = subscriptions.create(owner, request.url(),
                List.copyOf(new LinkedHashSet<>(request.eventTypes())), secret, request.description());
        // A path-only Location stays right behind the gateway, which serves the same paths on another host.
        return ResponseEntity.created(URI.create("/api/webhook-subscriptions/" + created.id()))
                .body(CreatedWebhookSubscription.of(created, secret));
    }

    @GetMapping
    @Operation(summary = "The caller's subscriptions (every one for operations staff), newest first, without secrets")
    List<WebhookSubscriptionView> all() {
        Caller caller = Caller.current();
        return caller.has(Role.OPERATIONS) ? subscriptions.all()
                : subscriptions.ownedBy(caller.accountId().orElseThrow());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription (without its secret)")
    WebhookSubscriptionView one(@PathVariable String id) {
        return parse(id).flatMap(subscriptions::find).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unsubscribe: nothing more is delivered, pending deliveries included")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!parse(id).map(subscriptions::delete).orElse(false)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first, with every attempt and the next one")
    List<WebhookDeliveryView> deliveries(
            @PathVariable String id,
            @Parameter(description = "How many deliveries, at most") @RequestParam(defaultValue = "100")
            @Min(1) @Max(1000) int limit) {
        UUID subscription = parse(id).filter(known -> subscriptions.find(known).isPresent())
                .orElseThrow(() -> notFound(id));
        return deliveries.history(subscription, limit);
    }

    /**
     * Absolute http(s) without user info, on a host whose every address is public. Checked again before every
     * delivery, since DNS may answer differently by then.
     */
    private Optional<String> urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())) {
            return Optional.of("must be an absolute http or https URL (https recommended)");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info; authenticate deliveries by their signature");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        try {
            addresses.resolve(uri.getHost());
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of("is not allowed: " + e.getMessage()
                    + "; webhooks go only to public internet addresses");
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static RuntimeException notFound(String id) {
        return Problems.notFound("Webhook subscription", id);
    }

    /** Ids are opaque to clients: one that is not even well-formed is simply not found. */
    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
