package org.learningcities.registration.badge;

import io.swagger.v3.oas.annotations.Operation;
import org.learningcities.documents.BadgeQrCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BadgeController {

    private final BadgeOffice office;

    BadgeController(BadgeOffice office) {
        this.office = office;
    }

    @Operation(summary = "The delegate's badge as a QR code (PNG)",
            description = "Issued on approval: 409 while the registration is not APPROVED.")
    @GetMapping("/api/registrations/{registrationId}/badge")
    ResponseEntity<byte[]> badge(@PathVariable String registrationId) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                // A revoked badge must not linger in a browser or proxy cache.
                .cacheControl(CacheControl.noStore())
                .body(BadgeQrCode.png(office.tokenFor(registrationId)));
    }

    @Operation(summary = "The badge's signed token, as encoded in the QR code (for printing and kiosks)")
    @GetMapping("/api/registrations/{registrationId}/badge/token")
    ResponseEntity<BadgeToken> token(@PathVariable String registrationId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new BadgeToken(office.tokenFor(registrationId)));
    }

    @Operation(summary = "Revoke the delegate's badge (lost or stolen)",
            description = "The revoked token is refused at check-in; the next request for the badge issues a new one.")
    @PostMapping("/api/registrations/{registrationId}/badge/revocation")
    ResponseEntity<Void> revoke(@PathVariable String registrationId) {
        office.revoke(registrationId);
        return ResponseEntity.noContent().build();
    }

    record BadgeToken(String token) {
    }
}
