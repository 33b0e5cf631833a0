package org.learningcities.agenda.room;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences/{conferenceId}/rooms")
@Tag(name = "Rooms", description = "The venue's rooms: seats, interpretation booths, step-free access")
class RoomController {

    private final ConferenceCalendars conferences;
    private final Rooms rooms;
    private final RoomPlanning planning;

    RoomController(ConferenceCalendars conferences, Rooms rooms, RoomPlanning planning) {
        this.conferences = conferences;
        this.rooms = rooms;
        this.planning = planning;
    }

    @PostMapping
    @Operation(summary = "Add a room to a conference",
            description = "Room names are unique within a conference regardless of letter case (409 otherwise).")
    ResponseEntity<Room> add(@PathVariable String conferenceId, @Valid @RequestBody RoomRequest request) {
        Room room = planning.add(conferenceId, request);
        return ResponseEntity.created(URI.create("/api/conferences/" + conferenceId + "/rooms/" + room.id()))
                .body(room);
    }

    @GetMapping
    @Operation(summary = "The conference's rooms, by name")
    List<Room> list(@PathVariable String conferenceId) {
        conferences.require(conferenceId);
        return rooms.allOf(conferenceId);
    }

    @GetMapping("/{roomId}")
    @Operation(summary = "One room")
    Room get(@PathVariable String conferenceId, @PathVariable String roomId) {
        return rooms.find(conferenceId, roomId).orElseThrow(() -> Problems.notFound("Room", roomId));
    }
}
