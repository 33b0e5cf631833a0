package org.learningcities.interpretation.receivers;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many receivers (headsets) a conference needs: per interpretation channel of each session, and the
 * conference-wide pool.
 *
 * @param channels conference-wide: each delegate not rejected or withdrawn, once in every language they listen in
 * @param sessions released, not cancelled sessions with interpretation, by start
 */
record ReceiverDemand(String conferenceId, List<Channel> channels, List<SessionDemand> sessions) {

    ReceiverDemand {
        channels = List.copyOf(channels);
        sessions = List.copyOf(sessions);
    }

    @Schema(description = "One interpretation channel and the delegates listening to it")
    record Channel(@Schema(description = "BCP 47 tag", example = "zh") String language,
                   @Schema(example = "12") int delegates) {
    }

    @Schema(description = "Headsets one session needs, per channel (booth)")
    record SessionDemand(
            String sessionId,
            Instant startsAt,
            Instant endsAt,
            @Schema(description = "null for a session without a room") String roomName,
            @Schema(description = "approved delegates expected: those with a confirmed enrolment when the session "
                    + "requires enrolment, otherwise every approved delegate of the conference", example = "180")
            int audience,
            @Schema(description = "delegates who understand every floor language, or have no channel in a language "
                    + "they listen in but understand one floor language: no headset", example = "120")
            int floor,
            @Schema(description = "delegates who understand neither a floor language nor a channel", example = "0")
            int notServed,
            @Schema(description = "headsets in all: the sum of the channels", example = "60") int headsets,
            @Schema(description = "every interpretation language of the session, in its order, with the "
                    + "delegates who need a headset on it (zero included)")
            List<Channel> channels) {

        SessionDemand {
            channels = List.copyOf(channels);
        }
    }
}
