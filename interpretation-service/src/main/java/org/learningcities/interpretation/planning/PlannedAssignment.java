package org.learningcities.interpretation.planning;

/**
 * One interpreter in one booth of one session.
 *
 * @param relayLanguage the other booth's language they take relay from, or null when they work from the floor
 */
public record PlannedAssignment(String sessionId, String boothLanguage, String interpreterId, String relayLanguage) {
}
