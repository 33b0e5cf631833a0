package org.learningcities.notification.webhooks;

import java.util.Optional;
import java.util.UUID;

import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.springframework.stereotype.Component;

/**
 * Whose a subscription is: a partner manages only the subscriptions it created (owner = its client id, the token's
 * {@code sub}); operations staff manage every one, including those from before owners were recorded.
 */
@Component
public class WebhookOwnership {

    private final WebhookSubscriptions subscriptions;

    WebhookOwnership(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * Whether the caller may see, delete or read the deliveries of the subscription with this id. An id that names
     * no subscription is let through, so that the caller learns it does not exist (404) rather than a 403.
     */
    public boolean mayManage(Caller caller, String id) {
        if (caller.has(Role.OPERATIONS)) {
            return true;
        }
        if (!caller.has(Role.PARTNER)) {
            return false;
        }
        Optional<UUID> subscription = parse(id);
        if (subscription.isEmpty() || !subscriptions.exists(subscription.get())) {
            return true;
        }
        return caller.isAnyOf(subscriptions.ownerOf(subscription.get()).stream().toList());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
