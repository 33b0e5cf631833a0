package org.learningcities.interpretation.assignments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coverage", description = "How every booth is staffed")
class CoverageController {

    private final PlanViews views;

    CoverageController(PlanViews views) {
        this.views = views;
    }

    @GetMapping("/api/conferences/{conferenceId}/interpretation/coverage")
    @Operation(summary = "Coverage per session and booth",
            description = "Every booth of the released, not cancelled sessions as the latest plan staffs it: the team, "
                    + "the team size the rules ask for, the relay used and, for AT_RISK and UNCOVERED booths, why. "
                    + "Sessions in time order. The plan follows changes within seconds.")
    Coverage coverage(@PathVariable String conferenceId,
                      @Parameter(description = "Only booths with this status, e.g. UNCOVERED")
                      @RequestParam(required = false) CoverageStatus status) {
        return views.coverage(conferenceId, status).orElseThrow(() -> Problems.notFound("Conference", conferenceId));
    }
}
