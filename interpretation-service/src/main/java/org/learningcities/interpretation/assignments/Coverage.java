package org.learningcities.interpretation.assignments;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** How every booth of a conference's released sessions is staffed, in session order. */
record Coverage(String conferenceId, @Schema(example = "Asia/Shanghai") String timeZone, List<Booth> booths) {

    Coverage {
        booths = List.copyOf(booths);
    }

    /**
     * @param teamSize      interpreters the booth needs
     * @param relayLanguage the pivot booth a team member takes relay from, or null
     * @param reason        why the booth is at risk or uncovered; null when covered
     */
    record Booth(String sessionId, String title, LocalAndUtc startsAt, LocalAndUtc endsAt, Room room,
                 @Schema(example = "zh") String boothLanguage, CoverageStatus status, List<Interpreter> team,
                 int teamSize, String relayLanguage, String reason) {

        Booth {
            team = List.copyOf(team);
        }
    }

    /** null for a session without a room */
    record Room(String id, String name) {
    }

    record Interpreter(String interpreterId, String name) {
    }
}
