package org.learningcities.agenda.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

record EnrolmentRequest(
        @Schema(description = "The delegate's registration id, as registration-service issued it")
        @NotBlank String registrationId) {
}
