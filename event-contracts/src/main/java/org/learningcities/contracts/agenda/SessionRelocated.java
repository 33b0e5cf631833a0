package org.learningcities.contracts.agenda;

import org.learningcities.contracts.IntegrationEvent;

/** A released session moved to another room. */
public record SessionRelocated(
        String sessionId,
        String conferenceId,
        int scheduleVersion,
        String previousRoomId,
        String previousRoomName,
        String roomId,
        String roomName) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
