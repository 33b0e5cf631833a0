package org.learningcities.notification.preferences;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.learningcities.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notification-preferences")
@Tag(name = "Notification preferences",
        description = "Which channels a recipient wants; critical messages go whatever they say")
class NotificationPreferencesController {

    private final NotificationPreferences preferences;

    NotificationPreferencesController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/{recipientId}")
    @Operation(summary = "A recipient's preferences, or the defaults (every channel on) when none are stored")
    PreferenceView get(@PathVariable String recipientId) {
        if (!preferences.isKnown(recipientId)) {
            throw Problems.notFound("Recipient", recipientId);
        }
        return preferences.find(recipientId).orElseGet(() -> PreferenceView.defaultsFor(recipientId));
    }

    @PutMapping("/{recipientId}")
    @Operation(summary = "Replace a recipient's preferences: every channel switch is required, the time zone is optional")
    PreferenceView put(@PathVariable String recipientId, @Valid @RequestBody PreferenceChange change) {
        if (!preferences.isKnown(recipientId)) {
            throw Problems.notFound("Recipient", recipientId);
        }
        return preferences.save(recipientId, change);
    }
}
