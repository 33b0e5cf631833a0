package org.learningcities.registration.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.registration.RegistrationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class DelegateExportApiTest extends RegistrationIntegrationTest {

    private static final String HEADER = "id,given name,family name,organisation,position,category,country,region,"
            + "city,correspondence language,listening languages,delegation id";

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportsApprovedDelegatesAsUtf8CsvThatExcelOpensWithChineseNamesIntact() {
        String conference = openConference();
        String id = approved(conference, delegate("王", "芳", "CN", "北京市教育委员会"));
        register(conference, delegate("Pending", "Person", "CN", "Not yet approved"));

        ResponseEntity<byte[]> export = http.get().uri("/api/conferences/{id}/registrations/export.csv", conference)
                .retrieve().toEntity(byte[].class);

        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=utf-8"));
        byte[] body = export.getBody();
        assertThat(List.of(body[0], body[1], body[2])).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(lines(body)).containsExactly(HEADER,
                id + ",芳,王,北京市教育委员会,Director,MAYOR,CN,ASIA_AND_THE_PACIFIC,Beijing,zh,zh;en,");
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        String conference = openConference();
        Map<String, Object> delegate = delegate("O'Brien, \"Pat\"", "Line\nBreak", "IE", "Dublin City Council, Ireland");
        String id = approved(conference, delegate);

        String csv = text(http.get().uri("/api/conferences/{id}/registrations/export.csv", conference)
                .retrieve().body(byte[].class));

        assertThat(csv).contains("\r\n" + id + ",\"Line\nBreak\",\"O'Brien, \"\"Pat\"\"\",\"Dublin City Council, Ireland\",");
    }

    @Test
    void defusesCellsASpreadsheetWouldRunAsFormulas() {
        String conference = openConference();
        approved(conference, delegate("=HYPERLINK(\"http://evil.example\")", "+Plus", "FR", "@SUM(A1:A9)"));
        approved(conference, delegate("Minus", "-2+3", "FR", "Plain"));

        String csv = text(http.get().uri("/api/conferences/{id}/registrations/export.csv", conference)
                .retrieve().body(byte[].class));

        assertThat(csv).contains(",'+Plus,\"'=HYPERLINK(\"\"http://evil.example\"\")\",'@SUM(A1:A9),",
                ",'-2+3,Minus,Plain,");
    }

    @Test
    void filtersByRegionForARegionalForum() {
        String conference = openConference();
        String mexican = approved(conference, delegate("García", "Ana", "MX", "Secretaría de Educación"));
        approved(conference, delegate("Wang", "Ling", "CN", "Beijing"));

        List<String> latinAmerica = lines(http.get()
                .uri("/api/conferences/{id}/registrations/export.csv?region=LATIN_AMERICA_AND_THE_CARIBBEAN", conference)
                .retrieve().body(byte[].class));

        assertThat(latinAmerica).hasSize(2);
        assertThat(latinAmerica.get(1)).startsWith(mexican + ",Ana,García,");
    }

    @Test
    void exportsAnotherStatusWhenAsked() {
        String conference = openConference();
        String pending = register(conference, delegate("Pending", "Person", "KE", "Nairobi"));

        List<String> lines = lines(http.get().uri("/api/conferences/{id}/registrations/export.csv?status=PENDING",
                conference).retrieve().body(byte[].class));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(pending + ",");
    }

    @Test
    void neverExportsContactDetails() {
        String conference = openConference();
        approved(conference, delegate("Wang", "Ling", "CN", "Beijing"));

        String csv = text(http.get().uri("/api/conferences/{id}/registrations/export.csv", conference)
                .retrieve().body(byte[].class));

        assertThat(csv).doesNotContain("@example.org", "+8610");
    }

    @Test
    void namesAnUnknownRegionAndAnswersAnUnknownConferenceWithNotFound() {
        ResponseEntity<Map> badRegion = http.get()
                .uri("/api/conferences/{id}/registrations/export.csv?region=ATLANTIS", openConference())
                .retrieve().toEntity(Map.class);
        ResponseEntity<Map> unknown = http.get().uri("/api/conferences/no-such/registrations/export.csv")
                .retrieve().toEntity(Map.class);

        assertThat(badRegion.getStatusCode().value()).isEqualTo(400);
        assertThat(badRegion.getBody().toString()).contains("field=region");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Approval has its own endpoint and tests; the export only reads the status. */
    private String approved(String conference, Map<String, Object> delegate) {
        String id = register(conference, delegate);
        jdbc.sql("update registration set status = 'APPROVED' where registration_id = ?").param(id).update();
        return id;
    }

    private String register(String conference, Map<String, Object> delegate) {
        ResponseEntity<Map> created = http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(delegate).retrieve().toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("id");
    }

    private static Map<String, Object> delegate(String familyName, String givenName, String country,
                                                String organisation) {
        Map<String, Object> delegate = new HashMap<>(Map.of("givenName", givenName, "familyName", familyName,
                "email", UUID.randomUUID() + "@example.org", "phone", "+861065126688",
                "organisation", organisation, "position", "Director", "category", "MAYOR", "countryCode", country,
                "correspondenceLanguage", "zh", "listeningLanguages", List.of("zh", "en")));
        delegate.put("city", "Beijing");
        return delegate;
    }

    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    /** The CSV's records, BOM removed; only for rows without embedded line breaks. */
    private static List<String> lines(byte[] csv) {
        return List.of(text(csv).substring(1).split("\r\n"));
    }

    private String openConference() {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), 500, false));
        return awaitKnownConference(id);
    }
}
