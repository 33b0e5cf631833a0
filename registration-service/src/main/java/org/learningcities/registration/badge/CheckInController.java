package org.learningcities.registration.badge;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckInController {

    private final CheckInDesk desk;

    CheckInController(CheckInDesk desk) {
        this.desk = desk;
    }

    @Operation(summary = "Check a delegate in by scanning their badge",
            description = "201 on the first scan, 200 with the first check-in time on any later scan; "
                    + "422 for a forged, altered, revoked or other conference's badge.")
    @PostMapping("/api/conferences/{conferenceId}/check-ins")
    ResponseEntity<CheckInResult> checkIn(@PathVariable String conferenceId,
                                          @Valid @RequestBody CheckInRequest request) {
        CheckInResult result = desk.checkIn(conferenceId, request.badgeToken());
        return ResponseEntity.status(result.firstScan() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    /** The shape is checked here so that scanner noise is a 400, and only well-formed tokens reach the signature check. */
    record CheckInRequest(
            @NotBlank
            @Size(max = 1000)
            @Pattern(regexp = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+", message = "must be a badge token as read from the QR code")
            String badgeToken) {
    }
}
