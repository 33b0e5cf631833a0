package org.learningcities.interpretation.receivers;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** How many receivers (headsets) each interpretation channel of a conference needs. */
record ReceiverDemand(String conferenceId, List<Channel> channels) {

    ReceiverDemand {
        channels = List.copyOf(channels);
    }

    @Schema(description = "One interpretation channel and the delegates listening to it")
    record Channel(@Schema(description = "BCP 47 tag", example = "zh") String language,
                   @Schema(example = "12") int delegates) {
    }
}
