package org.learningcities.agenda.room;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds rooms to a conference; names are unique per conference regardless of letter case. */
@Service
public class RoomPlanning {

    private final ConferenceCalendars conferences;
    private final Rooms rooms;

    RoomPlanning(ConferenceCalendars conferences, Rooms rooms) {
        this.conferences = conferences;
        this.rooms = rooms;
    }

    @Transactional
    public Room add(String conferenceId, RoomRequest request) {
        conferences.require(conferenceId);
        Room room = request.toRoom("room-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                conferenceId);
        if (!rooms.insertIfNameFree(room)) {
            throw Problems.conflict("Room name taken",
                    "This conference already has a room named " + room.name() + ".",
                    Map.of("errors", List.of(Map.of("field", "name", "message", "is already taken"))));
        }
        return room;
    }
}
