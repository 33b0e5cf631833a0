package org.learningcities.agenda.personal;

import java.time.ZoneId;
import java.util.List;

/** What one delegate attends at a conference, in start order, and the languages they read. */
record PersonalAgenda(
        String conferenceId,
        String registrationId,
        ZoneId conferenceZone,
        List<String> listeningLanguages,
        List<AgendaSession> sessions) {

    PersonalAgenda {
        listeningLanguages = List.copyOf(listeningLanguages);
        sessions = List.copyOf(sessions);
    }
}
