package org.learningcities.agenda.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.agenda.conference.LanguageTags;
import org.learningcities.agenda.room.Room;
import org.learningcities.agenda.room.Rooms;
import org.learningcities.web.Problems;

/**
 * A session as the secretariat drafts it. Bean validation checks presence; {@link #toSession} checks
 * what needs the conference, the room or more than one field, naming the field.
 */
public record SessionRequest(
        @NotNull SessionType type,
        @Schema(description = "UNESCO region; required for, and only for, a REGIONAL_FORUM")
        UnescoRegion region,
        @Schema(description = "Title per BCP 47 language tag", example = "{\"en\": \"Opening ceremony\", \"zh\": \"开幕式\"}")
        @NotEmpty Map<String, String> title,
        @Schema(description = "Required unless the session is a STUDY_VISIT") String roomId,
        @Schema(description = "Local date-time in the conference's time zone", example = "2013-10-21T09:00")
        @NotNull LocalDateTime start,
        @Schema(description = "Local date-time in the conference's time zone", example = "2013-10-21T10:30")
        @NotNull LocalDateTime end,
        @Schema(description = "Languages spoken on the floor, BCP 47", example = "[\"en\", \"zh\"]")
        List<String> floorLanguages,
        @Schema(description = "Languages interpreted into, one booth each, BCP 47", example = "[\"fr\", \"es\"]")
        List<String> interpretationLanguages,
        @Schema(description = "Seats offered; at most the room's capacity") @Min(1) Integer capacity,
        @Schema(example = "[\"Irina Bokova\"]") List<String> speakers,
        @Schema(description = "Defaults to true for regional forums and study visits") Boolean enrolmentRequired) {

    static SessionRequest of(Session session, ConferenceDays days) {
        return new SessionRequest(session.type(), session.region(), session.titles(), session.roomId(),
                days.at(session.startsAt()).local(), days.at(session.endsAt()).local(), session.floorLanguages(),
                session.interpretationLanguages(), session.capacity(), session.speakers(),
                session.enrolmentRequired());
    }

    Session toSession(String id, ConferenceDays days, Rooms rooms, boolean cancelled, String cancellationReason) {
        checkRegion();
        Room room = room(days, rooms);
        Instant startsAt = days.instantAt("start", start);
        Instant endsAt = days.instantAt("end", end);
        if (!endsAt.isAfter(startsAt)) {
            throw Problems.invalidField("end", "must be after start");
        }
        if (!days.spans(startsAt, endsAt)) {
            throw Problems.invalidField(days.spans(startsAt, startsAt) ? "end" : "start",
                    "must lie within the conference days, " + days.startDate() + " to " + days.endDate()
                            + " in " + days.zone().getId());
        }
        if (room != null && capacity != null && capacity > room.capacity()) {
            throw Problems.invalidField("capacity", "must not exceed the " + room.capacity() + " seats of "
                    + room.name());
        }
        List<String> interpretation = LanguageTags.canonical("interpretationLanguages", orEmpty(interpretationLanguages));
        if (room != null && interpretation.size() > room.booths()) {
            throw Problems.invalidField("interpretationLanguages", "need one booth each, but " + room.name()
                    + " has " + room.booths());
        }
        return new Session(id, days.conferenceId(), type, region, titles(), room == null ? null : room.id(),
                room == null ? null : room.name(), startsAt, endsAt,
                LanguageTags.canonical("floorLanguages", orEmpty(floorLanguages)), interpretation, speakerNames(),
                capacity, enrolmentRequired == null ? type.requiresEnrolmentByDefault() : enrolmentRequired,
                cancelled, cancelled ? cancellationReason : null);
    }

    private void checkRegion() {
        if (type == SessionType.REGIONAL_FORUM && region == null) {
            throw Problems.invalidField("region", "is required for a REGIONAL_FORUM");
        }
        if (type != SessionType.REGIONAL_FORUM && region != null) {
            throw Problems.invalidField("region", "is only for a REGIONAL_FORUM");
        }
    }

    private Room room(ConferenceDays days, Rooms rooms) {
        if (roomId == null) {
            if (type.takesPlaceInARoom()) {
                throw Problems.invalidField("roomId", "is required unless the session is a STUDY_VISIT");
            }
            return null;
        }
        return rooms.find(days.conferenceId(), roomId)
                .orElseThrow(() -> Problems.invalidField("roomId", "is no room of this conference"));
    }

    private Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        title.forEach((tag, text) -> {
            String language = LanguageTags.canonical(tag).orElseThrow(() -> Problems.invalidField("title",
                    "must be keyed by BCP 47 language tags such as en or zh, not " + tag));
            if (text == null || text.isBlank()) {
                throw Problems.invalidField("title." + tag, "must not be blank");
            }
            titles.put(language, text.strip());
        });
        return titles;
    }

    /** Names compare without regard to case or surrounding blanks: "A. Carlsen" and "a. carlsen " are one person. */
    private List<String> speakerNames() {
        List<String> names = new ArrayList<>();
        List<String> given = orEmpty(speakers);
        for (int index = 0; index < given.size(); index++) {
            String name = given.get(index);
            if (name == null || name.isBlank()) {
                throw Problems.invalidField("speakers[" + index + "]", "must not be blank");
            }
            boolean named = names.stream().anyMatch(known -> known.equalsIgnoreCase(name.strip()));
            if (!named) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
