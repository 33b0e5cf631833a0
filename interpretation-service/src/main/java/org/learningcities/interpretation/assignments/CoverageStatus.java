package org.learningcities.interpretation.assignments;

/** How well a booth is staffed (see {@link org.learningcities.interpretation.planning.BoothCoverage}). */
enum CoverageStatus {
    COVERED, AT_RISK, UNCOVERED
}
