package org.learningcities.notification;

import static org.learningcities.security.ServiceSecurity.allowWhen;
import static org.learningcities.security.ServiceSecurity.names;

import java.util.Optional;
import java.util.UUID;

import org.learningcities.notification.delivery.Notifications;
import org.learningcities.notification.recipients.RecipientAccounts;
import org.learningcities.notification.webhooks.WebhookOwnership;
import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what, exactly as the notification rows of docs/authorization-matrix.csv say. Staff roles see
 * every recipient where the matrix lets them; a delegate, focal point or interpreter only recipients whose
 * linked accounts include theirs ({@link RecipientAccounts}); a partner only the webhook subscriptions it created.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSecurity {

    /** Who acts for a recipient: the roles staff need, and the roles that count only with a linked account. */
    private record RecipientRule(Role[] staff, Role[] linked) {
    }

    private static final RecipientRule DELIVERY_LOG = new RecipientRule(
            new Role[] {Role.SECRETARIAT, Role.OPERATIONS},
            new Role[] {Role.DELEGATE, Role.FOCAL_POINT, Role.INTERPRETER});
    private static final RecipientRule STREAM = new RecipientRule(
            new Role[] {},
            new Role[] {Role.DELEGATE, Role.INTERPRETER});
    private static final RecipientRule READ_PREFERENCES = new RecipientRule(
            new Role[] {Role.SECRETARIAT},
            new Role[] {Role.DELEGATE, Role.INTERPRETER});
    private static final RecipientRule CHANGE_PREFERENCES = new RecipientRule(
            new Role[] {},
            new Role[] {Role.DELEGATE, Role.INTERPRETER});

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ServiceSecurity security, RecipientAccounts accounts,
                                    Notifications notifications, WebhookOwnership webhooks) throws Exception {
        return security.filterChain(http, rules -> rules
                // A literal path before the pattern that would take "stream" for a notification id.
                .requestMatchers(HttpMethod.GET, "/api/notifications/stream").access(allowWhen((caller, request) ->
                        actsFor(caller, request.getRequest().getParameter("recipientId"), STREAM, accounts)))
                .requestMatchers(HttpMethod.GET, "/api/notifications").access(allowWhen((caller, request) ->
                        actsFor(caller, request.getRequest().getParameter("recipientId"), DELIVERY_LOG, accounts)))
                .requestMatchers(HttpMethod.GET, "/api/notifications/{notificationId}").access(allowWhen(
                        (caller, request) -> recipientOf(notifications, request.getVariables().get("notificationId"))
                                .map(recipientId -> actsFor(caller, recipientId, DELIVERY_LOG, accounts))
                                .orElseGet(() -> caller.hasAny(DELIVERY_LOG.staff()))))
                .requestMatchers(HttpMethod.GET, "/api/notification-preferences/{recipientId}").access(allowWhen(
                        (caller, request) -> actsFor(caller, request.getVariables().get("recipientId"),
                                READ_PREFERENCES, accounts)))
                .requestMatchers(HttpMethod.PUT, "/api/notification-preferences/{recipientId}").access(allowWhen(
                        (caller, request) -> actsFor(caller, request.getVariables().get("recipientId"),
                                CHANGE_PREFERENCES, accounts)))
                .requestMatchers(HttpMethod.POST, "/api/webhook-subscriptions").hasRole(Role.PARTNER.name())
                .requestMatchers(HttpMethod.GET, "/api/webhook-subscriptions")
                .hasAnyRole(names(Role.OPERATIONS, Role.PARTNER))
                .requestMatchers(HttpMethod.GET, "/api/webhook-subscriptions/{id}",
                        "/api/webhook-subscriptions/{id}/deliveries").access(allowWhen((caller, request) -> webhooks.mayManage(caller, request.getVariables().get("id"))))
                .requestMatchers(HttpMethod.DELETE, "/api/webhook-subscriptions/{id}").access(allowWhen((caller, request) -> webhooks.mayManage(caller, request.getVariables().get("id")))));
    }

    /**
     * Staff with one of the rule's staff roles act for everyone; a caller with one of its linked roles for the
     * recipients linked to their account. Without a recipient id the endpoint answers 400 naming the field,
     * never everyone's messages, so such a request may go on to say so.
     */
    private static boolean actsFor(Caller caller, String recipientId, RecipientRule rule, RecipientAccounts accounts) {
        if (caller.hasAny(rule.staff())) {
            return true;
        }
        if (!caller.hasAny(rule.linked())) {
            return false;
        }
        if (recipientId == null || recipientId.isBlank()) {
            return true;
        }
        return caller.accountId().filter(account -> accounts.links(recipientId, account)).isPresent();
    }

    /** The notification's recipient; an id that is no notification's has none, and only staff learn it is unknown. */
    private static Optional<String> recipientOf(Notifications notifications, String notificationId) {
        try {
            return notifications.recipientOf(UUID.fromString(notificationId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
