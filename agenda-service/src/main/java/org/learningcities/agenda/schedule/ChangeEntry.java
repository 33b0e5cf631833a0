package org.learningcities.agenda.schedule;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of a release's changelog. {@code from} and {@code to} hold what changed, in local time
 * of the venue: {@code start}/{@code end} for RESCHEDULED, {@code roomId}/{@code roomName} for
 * RELOCATED, {@code titles} for RETITLED, the changed fields for UPDATED; {@code from} is null for
 * SCHEDULED and {@code to} for CANCELLED.
 */
record ChangeEntry(
        String sessionId,
        ChangeKind kind,
        @Schema(example = "Opening ceremony: 2013-10-21 09:00–10:30 → 2013-10-21 11:00–12:30 (Asia/Shanghai)")
        String summary,
        Map<String, Object> from,
        Map<String, Object> to) {
}
