package org.learningcities.interpretation.planning;

import java.util.List;

/**
 * How well one booth of a session is staffed by a plan.
 *
 * @param status        COVERED (full team working from the floor, with more than one qualified interpreter to spare),
 *                      AT_RISK (full team, but relay is used or at most one qualified interpreter could step in),
 *                      UNCOVERED (team incomplete)
 * @param reason        why it is at risk or uncovered, in English for the coordinator; null when covered
 * @param relayLanguage the pivot a team member takes relay from, or null
 */
public record BoothCoverage(String sessionId, String boothLanguage, String status, List<String> team, int teamSize,
                            String relayLanguage, String reason) {

    public BoothCoverage {
        team = List.copyOf(team);
    }
}
