package org.learningcities.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The translations of {@code messages/notifications_en.properties}: same texts, same arguments, patterns
 * ICU accepts, clean UTF-8, and SMS texts that stay short.
 */
class NotificationTextsTest {

    private static final String ENGLISH = "en";

    private static final Set<String> MOJIBAKE = Set.of("Ã", "â€", "Â", "\uFFFD");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void everyLanguageHasEveryEnglishTextAndNoOther(String language) {
        assertThat(texts(language).keySet()).containsExactlyInAnyOrderElementsOf(texts(ENGLISH).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void everyTextIsAPatternIcuAccepts(String language) {
        SoftAssertions softly = new SoftAssertions();
        texts(language).forEach((key, pattern) -> softly.assertThatCode(() -> messageFormat(pattern, language))
                .as(key).doesNotThrowAnyException());
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void everyTextUsesTheSameArgumentsAsTheEnglish(String language) {
        Map<String, String> english = texts(ENGLISH);
        SoftAssertions softly = new SoftAssertions();
        texts(language).forEach((key, pattern) -> {
            softly.assertThat(messageFormat(pattern, language).getArgumentNames()).as(key)
                    .containsExactlyInAnyOrderElementsOf(messageFormat(english.get(key), ENGLISH).getArgumentNames());
            // getArgumentNames() sees only the top level; this also sees arguments inside plural and select texts.
            softly.assertThat(allArgumentNames(pattern)).as(key + " (nested)")
                    .containsExactlyInAnyOrderElementsOf(allArgumentNames(english.get(key)));
        });
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void selectsKeepTheEnglishValuesAndTranslateOnlyTheirTexts(String language) {
        Map<String, String> english = texts(ENGLISH);
        SoftAssertions softly = new SoftAssertions();
        texts(language).forEach((key, pattern) -> softly.assertThat(selectValues(pattern)).as(key)
                .isEqualTo(selectValues(english.get(key))));
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void fileIsCleanUtf8WithoutEscapesOrMojibake(String language) {
        String file = strictUtf8(bytes(language));

        assertThat(file).doesNotContain("\\u");
        MOJIBAKE.forEach(garbled -> assertThat(file).as("mojibake " + garbled).doesNotContain(garbled));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void noApostropheTurnsAnArgumentIntoLiteralText(String language) {
        // In ICU an ASCII apostrophe right before { or } quotes it: l'{conference} would print "{conference}".
        SoftAssertions softly = new SoftAssertions();
        texts(language).forEach((key, pattern) -> softly.assertThat(pattern).as(key)
                .doesNotContain("'{").doesNotContain("'}"));
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void everyTextFormatsWithSampleArguments(String language) {
        SoftAssertions softly = new SoftAssertions();
        texts(language).forEach((key, pattern) -> softly.assertThatCode(
                () -> messageFormat(pattern, language).format(sampleArguments(language))).as(key)
                .doesNotThrowAnyException());
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "fr", "es"})
    void shortTextsFitAnSmsWithALongConferenceTitleAndSession(String language) {
        int limit = language.equals("zh") ? 100 : 200;
        SoftAssertions softly = new SoftAssertions();
        texts(language).forEach((key, pattern) -> {
            if (key.endsWith(".short")) {
                String sms = messageFormat(pattern, language).format(sampleArguments(language));
                softly.assertThat(sms.codePointCount(0, sms.length())).as(key + ": " + sms).isLessThanOrEqualTo(limit);
            }
        });
        softly.assertAll();
    }

    @Test
    void scheduleChangeLinesStartWithABullet() {
        for (String language : new String[] {ENGLISH, "zh", "fr", "es"}) {
            texts(language).forEach((key, pattern) -> {
                if (key.startsWith("schedule-changed.line.")) {
                    assertThat(pattern).as(language + " " + key).startsWith("• ");
                }
            });
        }
    }

    @Test
    void ordinalsAndPluralsAreWordedPerLanguage() {
        Map<String, Object> arguments = new HashMap<>(sampleArguments("en"));
        arguments.put("position", 1);
        arguments.put("count", 1);
        arguments.put("urgent", "no");

        assertThat(format("fr", "enrolment-waitlisted.short", arguments)).startsWith("Vous occupez la 1re place");
        assertThat(format("es", "enrolment-waitlisted.short", arguments)).startsWith("Ocupa el 1.º lugar");
        assertThat(format("zh", "enrolment-waitlisted.short", arguments)).contains("排第1位");
        assertThat(format("fr", "schedule-changed.subject", arguments)).startsWith("Une modification de votre");
        assertThat(format("es", "schedule-changed.subject", arguments)).startsWith("Un cambio en su");

        arguments.put("position", 2);
        arguments.put("count", 0);
        assertThat(format("fr", "enrolment-waitlisted.short", arguments)).startsWith("Vous occupez la 2e place");
        assertThat(format("fr", "schedule-changed.subject", arguments)).startsWith("0 modification de votre");
    }

    private static String format(String language, String key, Map<String, Object> arguments) {
        return messageFormat(texts(language).get(key), language).format(arguments);
    }

    private static MessageFormat messageFormat(String pattern, String language) {
        return new MessageFormat(pattern, ULocale.forLanguageTag(language));
    }

    private static Map<String, Object> sampleArguments(String language) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("name", "Grace Okafor");
        arguments.put("conference", "International Conference on Learning Cities");
        arguments.put("city", "Beijing");
        arguments.put("startDate", new Date(1_382_313_600_000L)); // 21 Oct 2013
        arguments.put("endDate", new Date(1_382_486_400_000L)); // 23 Oct 2013
        arguments.put("registrationId", "ICLC-2013-0042");
        arguments.put("status", "WAITLISTED");
        arguments.put("reason", "");
        arguments.put("expires", "Tue 22 Oct 2013, 18:00 CST");
        arguments.put("hoursLeft", 36);
        arguments.put("session", "Parallel regional forum: Asia and the Pacific");
        arguments.put("when", "Mon 21 Oct 2013, 09:00–10:30");
        arguments.put("previousWhen", "Mon 21 Oct 2013, 14:00–15:30");
        arguments.put("room", "Room 3");
        arguments.put("previousRoom", "Room 1");
        arguments.put("position", 3);
        arguments.put("version", 4);
        arguments.put("count", 2);
        arguments.put("urgent", "yes");
        arguments.put("changes", "");
        // As the composer passes it: the first change line without its bullet. A short one: the full sample
        // session and time would take a Chinese SMS over its budget on their own.
        arguments.put("firstChange", messageFormat(texts(language).get("schedule-changed.line.RETITLED"), language)
                .format(Map.of("session", "Opening plenary", "when", "09:00")).replaceFirst("^•\\s*", ""));
        arguments.put("booth", "English");
        arguments.put("relay", "");
        arguments.put("signature", texts(language).get("signature"));
        arguments.put("venueTime", "09:00 CST");
        arguments.put("yourTime", "03:00 CEST");
        return arguments;
    }

    private static Set<String> allArgumentNames(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    /** For each select argument, its values (WAITLISTED, yes, other): code chooses by them, so they stay English. */
    private static Map<String, Set<String>> selectValues(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Map<String, Set<String>> values = new TreeMap<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START
                    && part.getArgType() == MessagePattern.ArgType.SELECT) {
                String argument = parsed.getSubstring(parsed.getPart(i + 1));
                Set<String> selectors = values.computeIfAbsent(argument, ignored -> new TreeSet<>());
                int limit = parsed.getLimitPartIndex(i);
                for (int j = i + 2; j < limit; j = parsed.getLimitPartIndex(j + 1) + 1) {
                    selectors.add(parsed.getSubstring(parsed.getPart(j)));
                }
            }
        }
        return values;
    }

    private static Map<String, String> texts(String language) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(strictUtf8(bytes(language))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return texts;
    }

    private static byte[] bytes(String language) {
        String resource = "/messages/notifications_" + language + ".properties";
        try (InputStream in = NotificationTextsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes UTF-8, failing on any malformed byte instead of replacing it. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }
}
