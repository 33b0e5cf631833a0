package org.learningcities.interpretation.assignments;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The booths an interpreter works, in time order, on the venue's clocks and in UTC. */
record InterpreterSchedule(String interpreterId, String name, List<Assignment> assignments) {

    InterpreterSchedule {
        assignments = List.copyOf(assignments);
    }

    /**
     * @param sequence      the session's iCalendar SEQUENCE: changes whenever a release moves it
     * @param relayLanguage the pivot booth to take relay from, or null when working from the floor
     * @param team          everyone in the booth, this interpreter included
     */
    record Assignment(String sessionId, String conferenceId, int sequence, String title, LocalAndUtc startsAt,
                      LocalAndUtc endsAt, @Schema(example = "Asia/Shanghai") String timeZone, Coverage.Room room,
                      @Schema(example = "zh") String boothLanguage, String relayLanguage,
                      List<Coverage.Interpreter> team) {

        Assignment {
            team = List.copyOf(team);
        }
    }
}
