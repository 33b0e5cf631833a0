package org.learningcities.interpretation.roster;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a CSV import did, row by row. */
record ImportResult(@Schema(description = "New interpreters") int created,
                    @Schema(description = "Interpreters whose entry the row changed") int updated,
                    @Schema(description = "Rows identical to the roster: nothing written, nothing published")
                    int unchanged) {
}
