package org.learningcities.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.interpretation.roster.RosterHttp.fields;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

class RosterImportTest extends InterpretationIntegrationTest {

    private static final String HEADER =
            "givenName,familyName,email,phone,correspondenceLanguage,languages,availableFrom,availableTo,homeRoomId\n";

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    RosterHttp roster;
    /** Keeps this test's addresses apart from every other test's in the shared database. */
    String domain;

    @BeforeEach
    void roster() {
        roster = new RosterHttp(http);
        domain = UUID.randomUUID() + ".example.org";
    }

    @Test
    void importsEveryRowOfAGoodFile() {
        String csv = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",+442079460101,en,en:A zh:B fr:C,2013-10-20,2013-10-24,\n"
                + "\"Lin, Mei-ling\",林,meiling@" + domain + ",,zh,zh:A en:B,2013-10-21,2013-10-23,room-7\r\n"
                + "Hélène,Dubois,helene@" + domain + ",+33600000115,fr,fr:A en:C,,,\n";

        EntityExchangeResult<Map> imported = roster.importCsv(csv);

        assertThat(imported.getStatus().value()).isEqualTo(200);
        assertThat(imported.getResponseBody()).isEqualTo(Map.of("created", 3, "updated", 0, "unchanged", 0));
        Map<String, Object> lin = byEmail("meiling@" + domain);
        assertThat(lin).containsEntry("givenName", "Lin, Mei-ling").containsEntry("familyName", "林")
                .containsEntry("phone", null).containsEntry("homeRoomId", "room-7")
                .containsEntry("languages", List.of(RosterHttp.language("en", "B"), RosterHttp.language("zh", "A")))
                .containsEntry("availability", List.of(RosterHttp.range("2013-10-21", "2013-10-23")));
        assertThat(byEmail("helene@" + domain)).containsEntry("familyName", "Dubois").containsEntry("availability", List.of());
    }

    @Test
    void reportsEveryBadRowAtOnceAndImportsNothing() {
        String csv = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",+442079460101,en,en:A zh:B,2013-10-20,2013-10-24,\n"
                + "David,Okafor,david@" + domain + ",,en,en:A zh:D,2013-10-20,2013-10-24,\n"
                + "Jing,Chen,jing@" + domain + ",,zh,zh:B en:C,21/10/2013,2013-10-24,\n"
                + "Wei,,wei@" + domain + ",12345,zh,zh:A,2013-10-20,,\n"
                + "Margaret,Ellison,MARGARET@" + domain + ",,en,en:A,2013-10-20,2013-10-24,\n"
                + "too,few,values\n";

        EntityExchangeResult<Map> refused = roster.importCsv(csv);

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly(
                "row 3: languages",
                "row 4: availableFrom", "row 4: languages",
                "row 5: availableTo", "row 5: familyName", "row 5: phone",
                "row 6: email",
                "row 7");
        assertThat(jdbc.sql("select count(*) from interpreter where email like ?").param("%@" + domain)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void updatesKnownInterpretersOnReimportWithoutDuplicatingThem() {
        String first = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",+442079460101,en,en:A zh:B,2013-10-20,2013-10-24,\n"
                + "David,Okafor,david@" + domain + ",,en,en:A zh:C,2013-10-20,2013-10-24,\n";
        String second = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",+442079460101,en,en:A zh:B,2013-10-20,2013-10-24,\n"
                + "David,Okafor,DAVID@" + domain + ",+442079460102,en,en:A zh:C fr:C,2013-10-20,2013-10-24,\n"
                + "Jing,Chen,jing@" + domain + ",,zh,zh:A en:B,2013-10-20,2013-10-24,\n";
        roster.importCsv(first);
        String davidId = (String) byEmail("david@" + domain).get("id");

        EntityExchangeResult<Map> reimported = roster.importCsv(second);
        EntityExchangeResult<Map> again = roster.importCsv(second);

        assertThat(reimported.getResponseBody()).isEqualTo(Map.of("created", 1, "updated", 1, "unchanged", 1));
        assertThat(again.getResponseBody()).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 3));
        assertThat(jdbc.sql("select count(*) from interpreter where lower(email) like ?").param("%@" + domain)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(byEmail("david@" + domain)).containsEntry("id", davidId).containsEntry("phone", "+442079460102");
    }

    @Test
    void refusesAFileWhoseHeaderLacksAColumn() {
        EntityExchangeResult<Map> refused = roster.importCsv(
                "givenName,familyName,email,languages\nMargaret,Ellison,m@" + domain + ",en:A\n");

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsOnly("header");
    }

    @Test
    void importsTheBeijingSampleRoster() throws IOException {
        String sample;
        try (InputStream csv = getClass().getResourceAsStream("/sample/beijing-2013-interpreters.csv")) {
            sample = new String(csv.readAllBytes(), StandardCharsets.UTF_8);
        }

        EntityExchangeResult<Map> imported = roster.importCsv(sample);
        EntityExchangeResult<Map> again = roster.importCsv(sample);

        long interpreters = sample.lines().skip(1).filter(line -> !line.isBlank()).count();
        assertThat(imported.getStatus().value()).isEqualTo(200);
        Map<?, ?> counts = imported.getResponseBody();
        assertThat((int) counts.get("created") + (int) counts.get("updated") + (int) counts.get("unchanged"))
                .isEqualTo(interpreters);
        assertThat(again.getResponseBody()).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", (int) interpreters));
    }

    private Map<String, Object> byEmail(String email) {
        return roster.list(null).stream()
                .filter(interpreter -> email.equalsIgnoreCase((String) interpreter.get("email")))
                .findFirst().orElseThrow();
    }
}
