package org.learningcities.agenda.programmeimport;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.learningcities.agenda.conference.ConferenceRequest;
import org.learningcities.agenda.room.RoomRequest;
import org.learningcities.agenda.schedule.SessionType;
import org.learningcities.agenda.schedule.UnescoRegion;

/**
 * A whole conference programme in one document: the conference, its rooms and its sessions, which
 * name their room instead of referring to a room id that does not exist yet.
 *
 * @param release whether to release the imported sessions as schedule version 1 (default true)
 */
record ProgrammeImportRequest(
        @NotNull @Valid ConferenceRequest conference,
        @NotNull @Size(max = 500) List<@NotNull @Valid RoomRequest> rooms,
        @NotEmpty @Size(max = 10_000) List<@NotNull @Valid ImportedSession> sessions,
        Boolean release) {

    boolean releases() {
        return release == null || release;
    }

    /** The fields of a drafted session, with the room by name. */
    record ImportedSession(
            @NotNull SessionType type,
            UnescoRegion region,
            @NotEmpty Map<String, String> title,
            @Schema(description = "Name of one of the imported rooms; none for a study visit") String room,
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            List<String> floorLanguages,
            List<String> interpretationLanguages,
            @Min(1) Integer capacity,
            List<String> speakers,
            Boolean enrolmentRequired) {
    }
}
