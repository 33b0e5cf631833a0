package org.learningcities.agenda.room;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The room table. Sessions look rooms up here to check where they take place. */
@Repository
public class Rooms {

    private static final String COLUMNS = "id, conference_id, name, capacity, booths, accessible";

    private final JdbcClient jdbc;

    Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the conference already has a room of that name, in any letter case. */
    boolean insertIfNameFree(Room room) {
        return jdbc.sql("""
                        insert into room (id, conference_id, name, capacity, booths, accessible)
                        values (:id, :conferenceId, :name, :capacity, :booths, :accessible)
                        on conflict (conference_id, lower(name)) do nothing""")
                .param("id", room.id())
                .param("conferenceId", room.conferenceId())
                .param("name", room.name())
                .param("capacity", room.capacity())
                .param("booths", room.booths())
                .param("accessible", room.accessible())
                .update() == 1;
    }

    /** The room only if it belongs to this conference: a room of another edition is as good as unknown. */
    public Optional<Room> find(String conferenceId, String roomId) {
        return jdbc.sql("select " + COLUMNS + " from room where conference_id = ? and id = ?")
                .params(conferenceId, roomId)
                .query(Room.class)
                .optional();
    }

    List<Room> allOf(String conferenceId) {
        return jdbc.sql("select " + COLUMNS + " from room where conference_id = ? order by lower(name), id")
                .param(conferenceId)
                .query(Room.class)
                .list();
    }
}
