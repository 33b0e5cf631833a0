package org.learningcities.contracts.interpretation;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/**
 * How well one booth of a session is staffed changed. Keyed by session, so one session's coverage changes in order.
 *
 * @param status         COVERED, AT_RISK (relay used, or at most one qualified interpreter to spare) or UNCOVERED
 * @param previousStatus null the first time the booth is planned
 * @param assigned       interpreters in the booth now
 * @param teamSize       interpreters the booth needs
 * @param relayLanguage  the pivot booth a team member takes relay from, or null
 * @param reason         why it is at risk or uncovered, for the coordinator; null when covered
 */
public record CoverageChanged(
        String sessionId,
        String conferenceId,
        String boothLanguage,
        String status,
        String previousStatus,
        int assigned,
        int teamSize,
        String relayLanguage,
        String reason,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
