package org.learningcities.agenda.programmeimport;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Programme import", description = "A whole conference programme in one call")
class ProgrammeImportController {

    private final ProgrammeImport programmeImport;

    ProgrammeImportController(ProgrammeImport programmeImport) {
        this.programmeImport = programmeImport;
    }

    @PostMapping("/api/conferences/programme-imports")
    @Operation(summary = "Create a conference with its rooms and sessions, and release them",
            description = "All or nothing: any invalid or conflicting entry is reported with its place in the "
                    + "document (e.g. sessions[4].start) and nothing is stored. The Beijing 2013 programme ships "
                    + "as programmes/beijing-2013.json.")
    ResponseEntity<ProgrammeImport.ImportedProgramme> load(@Valid @RequestBody ProgrammeImportRequest programme) {
        ProgrammeImport.ImportedProgramme imported = programmeImport.load(programme);
        return ResponseEntity.created(URI.create("/api/conferences/" + imported.conferenceId())).body(imported);
    }
}
