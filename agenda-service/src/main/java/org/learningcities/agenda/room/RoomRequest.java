package org.learningcities.agenda.room;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RoomRequest(
        @Schema(example = "Hall B") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Seats", example = "300") @NotNull @Min(1) Integer capacity,
        @Schema(description = "Interpretation booths", example = "4") @NotNull @Min(0) Integer booths,
        @Schema(description = "Step-free access; true unless said otherwise", defaultValue = "true") Boolean accessible) {

    Room toRoom(String id, String conferenceId) {
        return new Room(id, conferenceId, name.strip(), capacity, booths, accessible == null || accessible);
    }
}
