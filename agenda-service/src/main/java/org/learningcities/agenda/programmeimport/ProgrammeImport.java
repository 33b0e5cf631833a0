package org.learningcities.agenda.programmeimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.learningcities.agenda.conference.Conference;
import org.learningcities.agenda.conference.ConferenceScheduling;
import org.learningcities.agenda.programmeimport.ProgrammeImportRequest.ImportedSession;
import org.learningcities.agenda.room.Room;
import org.learningcities.agenda.room.RoomPlanning;
import org.learningcities.agenda.schedule.ScheduleRelease;
import org.learningcities.agenda.schedule.ScheduleReleasing;
import org.learningcities.agenda.schedule.SessionDrafting;
import org.learningcities.agenda.schedule.SessionRequest;
import org.learningcities.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Loads a whole programme through the same operations the API offers one by one, in one
 * transaction: every rule (conflicts, conference days, booths) applies, and a programme with one
 * bad session leaves nothing behind.
 */
@Service
class ProgrammeImport {

    private final ConferenceScheduling conferences;
    private final RoomPlanning rooms;
    private final SessionDrafting sessions;
    private final ScheduleReleasing releases;

    ProgrammeImport(ConferenceScheduling conferences, RoomPlanning rooms, SessionDrafting sessions,
                    ScheduleReleasing releases) {
        this.conferences = conferences;
        this.rooms = rooms;
        this.sessions = sessions;
        this.releases = releases;
    }

    @Transactional
    ImportedProgramme load(ProgrammeImportRequest programme) {
        Conference conference = at("conference", () -> conferences.schedule(programme.conference()));
        Map<String, Room> roomsByName = new HashMap<>();
        for (int i = 0; i < programme.rooms().size(); i++) {
            int index = i;
            Room room = at("rooms[" + i + "]", () -> rooms.add(conference.id(), programme.rooms().get(index)));
            roomsByName.put(room.name().toLowerCase(Locale.ROOT), room);
        }
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < programme.sessions().size(); i++) {
            String path = "sessions[" + i + "]";
            ImportedSession session = programme.sessions().get(i);
            SessionRequest request = new SessionRequest(session.type(), session.region(), session.title(),
                    roomId(path, session.room(), roomsByName), session.start(), session.end(),
                    session.floorLanguages(), session.interpretationLanguages(), session.capacity(),
                    session.speakers(), session.enrolmentRequired());
            sessionIds.add(at(path, () -> sessions.draft(conference.id(), request)).id());
        }
        ScheduleRelease release = programme.releases() ? releases.release(conference.id()) : null;
        return new ImportedProgramme(conference.id(), roomsByName.size(), sessionIds.size(),
                release == null ? null : release.version());
    }

    private static String roomId(String path, String roomName, Map<String, Room> roomsByName) {
        if (roomName == null) {
            return null;
        }
        Room room = roomsByName.get(roomName.strip().toLowerCase(Locale.ROOT));
        if (room == null) {
            throw Problems.invalidField(path + ".room", "names no room of this programme: " + roomName);
        }
        return room.id();
    }

    /** Runs one step; a problem it reports is re-addressed to the step's place in the document. */
    private static <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (ErrorResponseException problem) {
            throw relocated(problem, path);
        }
    }

    @SuppressWarnings("unchecked")
    private static ErrorResponseException relocated(ErrorResponseException problem, String path) {
        ProblemDetail original = problem.getBody();
        Map<String, Object> properties = new HashMap<>(original.getProperties() == null
                ? Map.of() : original.getProperties());
        if (properties.get("errors") instanceof List<?> errors) {
            properties.put("errors", errors.stream()
                    .map(error -> {
                        Map<String, Object> located = new HashMap<>((Map<String, Object>) error);
                        located.put("field", path + "." + located.get("field"));
                        return located;
                    })
                    .toList());
        }
        return Problems.problem(org.springframework.http.HttpStatus.valueOf(original.getStatus()),
                original.getTitle(), path + ": " + original.getDetail(), properties);
    }

    record ImportedProgramme(String conferenceId, int rooms, int sessions, Integer releasedVersion) {
    }
}
