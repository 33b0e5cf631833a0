package org.learningcities.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.interpretation.roster.RosterHttp.fields;
import static org.learningcities.interpretation.roster.RosterHttp.interpreter;
import static org.learningcities.interpretation.roster.RosterHttp.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.testsupport.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The user account a roster entry is linked to: how the coordinator sets it and who learns of it. */
class RosterAccountTest extends InterpretationIntegrationTest {

    private static final String HEADER = "givenName,familyName,email,phone,correspondenceLanguage,languages,"
            + "availableFrom,availableTo,homeRoomId,accountId\n";

    @Autowired
    RestTestClient http;

    RosterHttp roster;
    /** Keeps this test's accounts and addresses apart from every other test's in the shared database. */
    String unique;

    @BeforeEach
    void roster() {
        roster = new RosterHttp(http);
        unique = UUID.randomUUID().toString();
    }

    @Test
    void rosterEntriesShowTheirAccount() {
        String id = roster.added(with(interpreter(), "accountId", "jing-" + unique));

        assertThat(roster.read(id).getResponseBody()).containsEntry("accountId", "jing-" + unique);
        assertThat(roster.list("zh")).filteredOn(entry -> id.equals(entry.get("id")))
                .singleElement().satisfies(entry -> assertThat(entry).containsEntry("accountId", "jing-" + unique));

        EntityExchangeResult<Map> unlinked = roster.replace(id, with(interpreter(), "accountId", null));

        assertThat(unlinked.getResponseBody()).containsEntry("accountId", null);
        assertThat(roster.read(id).getResponseBody()).containsEntry("accountId", null);
    }

    @Test
    void rosterAccountIsPublishedForNotifications() {
        String id = roster.added(with(interpreter(), "accountId", "jing-" + unique));

        TopicRecords.Received linked = TopicRecords.await(Topics.INTERPRETATION_INTERPRETERS_INTERNAL,
                record -> id.equals(record.key()));
        assertThat(linked.value()).contains("\"accountId\":\"jing-" + unique + "\"");

        Map<String, Object> entry = roster.read(id).getResponseBody();
        roster.replace(id, with(with(interpreter(), "email", entry.get("email")), "accountId", "chen-" + unique));

        TopicRecords.Received relinked = TopicRecords.await(Topics.INTERPRETATION_INTERPRETERS_INTERNAL,
                record -> id.equals(record.key()) && record.value().contains("chen-" + unique));
        assertThat(relinked.value()).contains("\"accountId\":\"chen-" + unique + "\"")
                .contains("\"email\":\"" + entry.get("email") + "\"");
    }

    @Test
    void duplicateAccountIdIsAConflict() {
        String first = roster.added(with(interpreter(), "accountId", "jing-" + unique));

        EntityExchangeResult<Map> second = roster.add(with(interpreter(), "accountId", "jing-" + unique));

        assertThat(second.getStatus().value()).isEqualTo(409);
        assertThat(second.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(second.getResponseBody()).containsEntry("field", "accountId").containsEntry("interpreterId", first);

        String other = roster.added(with(interpreter(), "accountId", "other-" + unique));
        Map<String, Object> otherEntry = roster.read(other).getResponseBody();
        EntityExchangeResult<Map> taking = roster.replace(other,
                with(with(interpreter(), "email", otherEntry.get("email")), "accountId", "jing-" + unique));

        assertThat(taking.getStatus().value()).isEqualTo(409);
        assertThat(taking.getResponseBody()).containsEntry("interpreterId", first);
        assertThat(roster.read(other).getResponseBody()).containsEntry("accountId", "other-" + unique);
    }

    @Test
    void namesAnAccountIdThatIsBlankHasSpacesOrIsTooLong() {
        for (String accountId : List.of("", "   ", "jing chen", "x".repeat(256))) {
            EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "accountId", accountId));

            assertThat(refused.getStatus().value()).as(accountId).isEqualTo(400);
            assertThat(fields(refused)).as(accountId).containsExactly("accountId");
        }
    }

    @Test
    void importsTheAccountIdColumn() {
        String domain = unique + ".example.org";
        String csv = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",,en,en:A zh:B,2013-10-20,2013-10-24,,margaret-" + unique + "\n"
                + "David,Okafor,david@" + domain + ",,en,en:A fr:C,2013-10-20,2013-10-24,,\n";

        EntityExchangeResult<Map> imported = roster.importCsv(csv);

        assertThat(imported.getStatus().value()).isEqualTo(200);
        assertThat(imported.getResponseBody()).containsEntry("created", 2);
        assertThat(byEmail("margaret@" + domain)).containsEntry("accountId", "margaret-" + unique);
        assertThat(byEmail("david@" + domain)).containsEntry("accountId", null);

        // The file may move an account from one of its interpreters to another.
        String moved = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",,en,en:A zh:B,2013-10-20,2013-10-24,,\n"
                + "David,Okafor,david@" + domain + ",,en,en:A fr:C,2013-10-20,2013-10-24,,margaret-" + unique + "\n";
        assertThat(roster.importCsv(moved).getResponseBody()).containsEntry("updated", 2);
        assertThat(byEmail("david@" + domain)).containsEntry("accountId", "margaret-" + unique);
        assertThat(byEmail("margaret@" + domain)).containsEntry("accountId", null);
    }

    @Test
    void importWithoutTheAccountIdColumnKeepsTheAccounts() {
        String domain = unique + ".example.org";
        String csv = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",,en,en:A zh:B,2013-10-20,2013-10-24,,margaret-" + unique + "\n";
        roster.importCsv(csv);

        EntityExchangeResult<Map> reimported = roster.importCsv(
                "givenName,familyName,email,phone,correspondenceLanguage,languages,availableFrom,availableTo,homeRoomId\n"
                        + "Margaret,Ellison,margaret@" + domain + ",+442079460101,en,en:A zh:B,2013-10-20,2013-10-24,\n");

        assertThat(reimported.getResponseBody()).containsEntry("updated", 1);
        assertThat(byEmail("margaret@" + domain)).containsEntry("phone", "+442079460101")
                .containsEntry("accountId", "margaret-" + unique);
    }

    @Test
    void importRefusesAnAccountTwiceInTheFileOrHeldByAnotherInterpreter() {
        String domain = unique + ".example.org";
        String twice = HEADER
                + "Margaret,Ellison,margaret@" + domain + ",,en,en:A zh:B,,,,acct-" + unique + "\n"
                + "David,Okafor,david@" + domain + ",,en,en:A fr:C,,,,acct-" + unique + "\n"
                + "Ana,Ruiz,ana@" + domain + ",,es,es:A,,,,has space\n";

        EntityExchangeResult<Map> refused = roster.importCsv(twice);

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("row 3: accountId", "row 4: accountId");

        String holder = roster.added(with(interpreter(), "accountId", "held-" + unique));
        EntityExchangeResult<Map> taken = roster.importCsv(HEADER
                + "Margaret,Ellison,margaret@" + domain + ",,en,en:A zh:B,,,,held-" + unique + "\n");

        assertThat(taken.getStatus().value()).isEqualTo(409);
        assertThat(taken.getResponseBody()).containsEntry("interpreterId", holder).containsEntry("row", 2);
        assertThat(roster.list(null)).noneMatch(entry -> ("margaret@" + domain).equals(entry.get("email")));
    }

    private Map<String, Object> byEmail(String email) {
        return roster.list(null).stream()
                .filter(interpreter -> email.equalsIgnoreCase((String) interpreter.get("email")))
                .findFirst().orElseThrow();
    }
}
