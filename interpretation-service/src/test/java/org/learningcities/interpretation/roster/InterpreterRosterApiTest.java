package org.learningcities.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.interpretation.roster.RosterHttp.fields;
import static org.learningcities.interpretation.roster.RosterHttp.interpreter;
import static org.learningcities.interpretation.roster.RosterHttp.language;
import static org.learningcities.interpretation.roster.RosterHttp.range;
import static org.learningcities.interpretation.roster.RosterHttp.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

class InterpreterRosterApiTest extends InterpretationIntegrationTest {

    @Autowired
    RestTestClient http;

    RosterHttp roster;

    @BeforeEach
    void roster() {
        roster = new RosterHttp(http);
    }

    @Test
    void putsAnInterpreterOnTheRosterAndReadsThemBack() {
        Map<String, Object> request = with(interpreter(), "availability",
                List.of(range("2013-10-22", "2013-10-24"), range("2013-10-20", "2013-10-21"), range("2013-11-05", "2013-11-05")));

        EntityExchangeResult<Map> added = roster.add(request);

        assertThat(added.getStatus().value()).isEqualTo(201);
        String id = (String) added.getResponseBody().get("id");
        assertThat(added.getResponseHeaders().getLocation()).hasToString("/api/interpreters/" + id);
        assertThat(roster.read(id).getResponseBody()).isEqualTo(added.getResponseBody())
                .containsEntry("email", request.get("email"))
                .containsEntry("phone", "+8613800000108")
                .containsEntry("correspondenceLanguage", "zh")
                .containsEntry("languages", List.of(language("en", "B"), language("fr", "C"), language("zh", "A")))
                .containsEntry("availability", List.of(range("2013-10-20", "2013-10-24"), range("2013-11-05", "2013-11-05")));
    }

    @Test
    void listsOnlyTheInterpretersHoldingTheAskedLanguage() {
        String chinese = roster.added(interpreter());
        String spanish = roster.added(with(interpreter(), "languages", List.of(language("es", "A"), language("en", "C"))));

        List<Object> holdingZh = roster.list("zh").stream().map(interpreter -> interpreter.get("id")).toList();
        List<Object> everyone = roster.list(null).stream().map(interpreter -> interpreter.get("id")).toList();

        assertThat(holdingZh).contains(chinese).doesNotContain(spanish);
        assertThat(everyone).contains(chinese, spanish);
    }

    @Test
    void replacesTheEntryWhenTheCoordinatorCorrectsIt() {
        String id = roster.added(interpreter());
        Map<String, Object> corrected = with(with(with(interpreter(), "phone", null),
                "languages", List.of(language("zh", "A"), language("en", "A"))),
                "availability", List.of(range("2013-10-21", "2013-10-22")));

        EntityExchangeResult<Map> replaced = roster.replace(id, corrected);

        assertThat(replaced.getStatus().value()).isEqualTo(200);
        assertThat(roster.read(id).getResponseBody()).isEqualTo(replaced.getResponseBody())
                .containsEntry("id", id)
                .containsEntry("email", corrected.get("email"))
                .containsEntry("phone", null)
                .containsEntry("languages", List.of(language("en", "A"), language("zh", "A")))
                .containsEntry("availability", List.of(range("2013-10-21", "2013-10-22")));
    }

    @Test
    void answersNotFoundForAnUnknownInterpreter() {
        EntityExchangeResult<Map> read = roster.read("no-such-interpreter");
        EntityExchangeResult<Map> replaced = roster.replace("no-such-interpreter", interpreter());

        assertThat(read.getStatus().value()).isEqualTo(404);
        assertThat(read.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replaced.getStatus().value()).isEqualTo(404);
    }

    @Test
    void pointsASecondInterpreterWithTheSameEmailAtTheFirst() {
        Map<String, Object> first = interpreter();
        String id = roster.added(first);

        EntityExchangeResult<Map> second = roster.add(
                with(interpreter(), "email", ((String) first.get("email")).toUpperCase()));

        assertThat(second.getStatus().value()).isEqualTo(409);
        assertThat(second.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getResponseBody()).containsEntry("interpreterId", id)
                .containsEntry("interpreter", "/api/interpreters/" + id);
    }

    @Test
    void refusesToGiveAnInterpreterAnotherInterpretersEmail() {
        Map<String, Object> first = interpreter();
        String firstId = roster.added(first);
        String secondId = roster.added(interpreter());

        EntityExchangeResult<Map> replaced = roster.replace(secondId, with(interpreter(), "email", first.get("email")));

        assertThat(replaced.getStatus().value()).isEqualTo(409);
        assertThat(replaced.getResponseBody()).containsEntry("interpreterId", firstId);
    }

    @Test
    void returnsTheFirstInterpreterWhenARequestIsRetriedWithTheSameIdempotencyKey() {
        Map<String, Object> request = interpreter();
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<Map> first = roster.add(request, key);
        EntityExchangeResult<Map> retry = roster.add(request, key);

        assertThat(retry.getStatus().value()).isEqualTo(201);
        assertThat(retry.getResponseBody().get("id")).isEqualTo(first.getResponseBody().get("id"));
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusesToReuseAnIdempotencyKeyForAnotherInterpreter() {
        String key = UUID.randomUUID().toString();
        roster.add(interpreter(), key);

        EntityExchangeResult<Map> other = roster.add(interpreter(), key);

        assertThat(other.getStatus().value()).isEqualTo(422);
    }

    @Test
    void namesEveryInvalidFieldOfARequestAtOnce() {
        Map<String, Object> request = with(with(with(with(interpreter(), "givenName", " "), "email", "not-an-address"),
                "phone", "0086 10 1234"), "correspondenceLanguage", "chinese!");

        EntityExchangeResult<Map> refused = roster.add(request);

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(refused)).containsExactly("correspondenceLanguage", "email", "givenName", "phone");
    }

    @Test
    void namesTheLanguageWhoseClassIsNotABOrC() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "languages",
                List.of(language("zh", "A"), language("en", "D"))));

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("languages[1].class");
    }

    @Test
    void namesTheLanguageWithoutAClass() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "languages",
                List.of(language("zh", "A"), language("en", null))));

        assertThat(fields(refused)).containsExactly("languages[1].class");
    }

    @Test
    void requiresANativeLanguage() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "languages",
                List.of(language("zh", "B"), language("en", "C"))));

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("languages");
    }

    @Test
    void refusesALanguageListedTwice() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "languages",
                List.of(language("zh", "A"), language("en", "B"), language("ZH", "C"))));

        assertThat(fields(refused)).containsExactly("languages[2].language");
    }

    @Test
    void refusesALanguageTagThatIsNotBcp47() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "languages",
                List.of(language("zh", "A"), language("english", "B"))));

        assertThat(fields(refused)).containsExactly("languages[1].language");
    }

    @Test
    void refusesAnAvailabilityDateThatIsNotIso() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "availability",
                List.of(range("21/10/2013", "2013-10-24"))));

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("availability[0].from");
    }

    @Test
    void refusesAnAvailabilityThatEndsBeforeItStarts() {
        EntityExchangeResult<Map> refused = roster.add(with(interpreter(), "availability",
                List.of(range("2013-10-20", "2013-10-24"), range("2013-10-24", "2013-10-20"))));

        assertThat(fields(refused)).containsExactly("availability[1].to");
    }

    @Test
    void holdsACorrectionToTheSameRules() {
        String id = roster.added(interpreter());

        EntityExchangeResult<Map> refused = roster.replace(id, with(interpreter(), "languages", List.of()));

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("languages");
    }
}
