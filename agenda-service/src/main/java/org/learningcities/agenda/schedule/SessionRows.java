package org.learningcities.agenda.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the columns that session_draft and released_session share. */
@Component
class SessionRows {

    /**
     * Columns both tables have besides the id and room_name: queries select the id as {@code id}, and
     * room_name from the room table (drafts) or the stored copy (released sessions).
     */
    static final String CONTENT_COLUMNS = """
            conference_id, type, region, titles, room_id, starts_at, ends_at, floor_languages,
            interpretation_languages, speakers, capacity, enrolment_required, cancelled, cancellation_reason""";

    /** Named parameters in the order of {@link #CONTENT_COLUMNS}. */
    static final String CONTENT_VALUES = """
            :conferenceId, :type, :region, cast(:titles as jsonb), :roomId, :startsAt, :endsAt, :floorLanguages,
            :interpretationLanguages, :speakers, :capacity, :enrolmentRequired, :cancelled, :cancellationReason""";

    private static final TypeReference<LinkedHashMap<String, String>> TITLES = new TypeReference<>() {
    };

    private final JsonMapper json;

    SessionRows(JsonMapper json) {
        this.json = json;
    }

    Session session(ResultSet row) throws SQLException {
        String region = row.getString("region");
        return new Session(
                row.getString("id"),
                row.getString("conference_id"),
                SessionType.valueOf(row.getString("type")),
                region == null ? null : UnescoRegion.valueOf(region),
                json.readValue(row.getString("titles"), TITLES),
                row.getString("room_id"),
                row.getString("room_name"),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                strings(row.getArray("floor_languages")),
                strings(row.getArray("interpretation_languages")),
                strings(row.getArray("speakers")),
                row.getObject("capacity", Integer.class),
                row.getBoolean("enrolment_required"),
                row.getBoolean("cancelled"),
                row.getString("cancellation_reason"));
    }

    /** Values for {@link #CONTENT_VALUES}, plus {@code id} and {@code roomName}. */
    Map<String, Object> parameters(Session session) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("id", session.id());
        parameters.put("conferenceId", session.conferenceId());
        parameters.put("type", session.type().name());
        parameters.put("region", session.region() == null ? null : session.region().name());
        parameters.put("titles", json.writeValueAsString(session.titles()));
        parameters.put("roomId", session.roomId());
        parameters.put("roomName", session.roomName());
        parameters.put("startsAt", session.startsAt().atOffset(ZoneOffset.UTC));
        parameters.put("endsAt", session.endsAt().atOffset(ZoneOffset.UTC));
        parameters.put("floorLanguages", session.floorLanguages().toArray(String[]::new));
        parameters.put("interpretationLanguages", session.interpretationLanguages().toArray(String[]::new));
        parameters.put("speakers", session.speakers().toArray(String[]::new));
        parameters.put("capacity", session.capacity());
        parameters.put("enrolmentRequired", session.enrolmentRequired());
        parameters.put("cancelled", session.cancelled());
        parameters.put("cancellationReason", session.cancellationReason());
        return parameters;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
