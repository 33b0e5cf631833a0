package org.learningcities.registration.visa;

import io.swagger.v3.oas.annotations.Operation;
import org.learningcities.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The only API that returns passport data: to the visa desk and to the delegate whose registration it is. Not to
 * their focal point nor the rest of the secretariat (the security rules check the path's registration first).
 */
@RestController
class VisaLetterController {

    private final VisaLetters visaLetters;

    VisaLetterController(VisaLetters visaLetters) {
        this.visaLetters = visaLetters;
    }

    @Operation(summary = "Read a registration's visa-letter request, decrypted (visa desk or the delegate)")
    @GetMapping("/api/registrations/{registrationId}/visa-letter")
    VisaLetterRequest visaLetter(@PathVariable String registrationId) {
        return visaLetters.find(registrationId)
                .orElseThrow(() -> Problems.notFound("Visa-letter request", registrationId));
    }

    @Operation(summary = "Erase a registration's visa-letter request and its passport data",
            description = "The passport data is deleted, not flagged; afterwards reading it answers 404.")
    @DeleteMapping("/api/registrations/{registrationId}/visa-letter")
    ResponseEntity<Void> erase(@PathVariable String registrationId) {
        if (!visaLetters.erase(registrationId)) {
            throw Problems.notFound("Visa-letter request", registrationId);
        }
        return ResponseEntity.noContent().build();
    }
}
