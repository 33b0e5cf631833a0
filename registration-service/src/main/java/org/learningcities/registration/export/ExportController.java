package org.learningcities.registration.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.country.UnescoRegion;
import org.learningcities.registration.registration.RegistrationStatus;
import org.learningcities.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExportController {

    /** Without a byte order mark Excel reads UTF-8 as the local code page and garbles Chinese and Arabic names. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final DelegateExport export;
    private final KnownConferences conferences;

    ExportController(DelegateExport export, KnownConferences conferences) {
        this.export = export;
        this.conferences = conferences;
    }

    @Operation(summary = "Delegate list as CSV (UTF-8 with BOM) for forum organisers",
            description = "Approved delegates by default; filter by UNESCO region for a regional forum.")
    @GetMapping("/api/conferences/{conferenceId}/registrations/export.csv")
    void exportCsv(@PathVariable String conferenceId,
                   @RequestParam(defaultValue = "APPROVED") RegistrationStatus status,
                   @RequestParam(required = false) UnescoRegion region,
                   HttpServletResponse response) throws IOException {
        conferences.find(conferenceId).orElseThrow(() -> Problems.notFound("Conference", conferenceId));
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(conferenceId + "-" + status.name().toLowerCase()
                        + (region == null ? "" : "-" + region.name().toLowerCase()) + ".csv")
                .build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(BYTE_ORDER_MARK);
        export.write(conferenceId, status, region, out);
        out.flush();
    }
}
