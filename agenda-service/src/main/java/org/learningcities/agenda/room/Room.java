package org.learningcities.agenda.room;

/**
 * A room of the venue.
 *
 * @param booths interpretation booths: how many languages can be interpreted in the room at once
 */
public record Room(String id, String conferenceId, String name, int capacity, int booths, boolean accessible) {
}
