package org.learningcities.interpretation.planning;

import java.time.Duration;

/**
 * The hard rules' numbers, configurable (UN and AIIC practice by default).
 *
 * @param minimumTeam         interpreters per booth
 * @param largerTeam          per booth that works both ways, or for a long session
 * @param longSession         a session longer than this needs the larger team
 * @param gapBetweenRooms     the least time between two assignments of one interpreter in different rooms
 * @param maxSessionsPerDay   assignments per interpreter and day
 * @param maxSessionsPerWeek  assignments per interpreter and ISO week
 */
public record PlanningRules(int minimumTeam, int largerTeam, Duration longSession, Duration gapBetweenRooms,
                            int maxSessionsPerDay, int maxSessionsPerWeek) {

    public static final PlanningRules UN_PRACTICE =
            new PlanningRules(2, 3, Duration.ofHours(3), Duration.ofMinutes(30), 2, 7);

    public int teamSize(boolean bidirectional, Duration sessionLength) {
        return bidirectional || sessionLength.compareTo(longSession) > 0 ? largerTeam : minimumTeam;
    }
}
