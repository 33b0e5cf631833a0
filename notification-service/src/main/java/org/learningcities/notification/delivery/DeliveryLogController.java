package org.learningcities.notification.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import org.learningcities.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Delivery log", description = "What was sent to a delegate, over which channel and in which language")
class DeliveryLogController {

    private final Notifications notifications;

    DeliveryLogController(Notifications notifications) {
        this.notifications = notifications;
    }

    // Optional for binding, so that a missing value is reported like a blank one: a 400 naming the field.
    @GetMapping
    @Operation(summary = "A recipient's notifications, newest first")
    List<NotificationView> forRecipient(
            @Parameter(required = true, description = "Registration id of the delegate")
            @RequestParam(required = false) @NotBlank String recipientId) {
        return notifications.forRecipient(recipientId);
    }

    @GetMapping("/{notificationId}")
    @Operation(summary = "One notification")
    NotificationView one(@PathVariable String notificationId) {
        return parse(notificationId)
                .flatMap(notifications::find)
                .orElseThrow(() -> Problems.notFound("Notification", notificationId));
    }

    /** Ids are opaque to clients: one that is not even well-formed is simply not found. */
    private static Optional<UUID> parse(String notificationId) {
        try {
            return Optional.of(UUID.fromString(notificationId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
