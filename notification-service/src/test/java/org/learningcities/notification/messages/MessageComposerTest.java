package org.learningcities.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.notification.messages.MessageComposer.Facts;

class MessageComposerTest {

    private static final Letter.Conference BEIJING = new Letter.Conference(
            "International Conference on Learning Cities", "Beijing", "Asia/Shanghai",
            LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23));
    /** 21 October 2013, 09:00–10:30 in Beijing (UTC+8). */
    private static final Instant OPENING_START = Instant.parse("2013-10-21T01:00:00Z");
    private static final Instant OPENING_END = Instant.parse("2013-10-21T02:30:00Z");

    private final MessageComposer composer = new MessageComposer();

    @ParameterizedTest(name = "{0} is written in {1}")
    @CsvSource(nullValues = "null", textBlock = """
            en,         en
            zh,         zh
            zh-Hans-CN, zh
            zh_CN,      zh
            fr-CA,      fr
            es-419,     es
            ES,         es
            de,         en
            ar,         en
            '',         en
            null,       en
            """)
    void writesInTheRecipientsLanguageOrElseInEnglish(String correspondenceLanguage, String writtenIn) {
        ComposedMessage message = composer.compose(letter(MessageTemplate.REGISTRATION_RECEIVED,
                Map.of(Facts.REGISTRATION_STATUS, "PENDING"), recipient("Grace", "Okafor", correspondenceLanguage, null),
                null, List.of(), false));

        assertThat(message.language()).isEqualTo(writtenIn);
    }

    @Test
    void writesChineseJapaneseAndKoreanNamesFamilyNameFirst() {
        assertThat(MessageComposer.displayName("伟", "王")).isEqualTo("王伟");
        assertThat(MessageComposer.displayName("はるか", "佐藤")).isEqualTo("佐藤はるか");
        assertThat(MessageComposer.displayName("민준", "김")).isEqualTo("김민준");
        assertThat(MessageComposer.displayName("Wei", "Wang")).isEqualTo("Wei Wang");
        assertThat(MessageComposer.displayName("", "Sukarno")).isEqualTo("Sukarno");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 1 | 1st
            en | 2 | 2nd
            en | 3 | 3rd
            en | 11 | 11th
            en | 22 | 22nd
            fr | 1 | 1re
            fr | 2 | 2e
            zh | 3 | 第3位
            """)
    void writesWaitingListPositionsAsEachLanguageWritesOrdinals(String language, int position, String ordinal) {
        ComposedMessage message = composer.compose(letter(MessageTemplate.ENROLMENT_WAITLISTED,
                Map.of(Facts.POSITION, Integer.toString(position)), recipient("Ana", "Silva", language, null),
                opening(), List.of(), false));

        assertThat(message.body()).contains(ordinal);
    }

    @Test
    void showsSessionTimesOnTheVenuesClocks() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.ENROLMENT_CONFIRMED, Map.of(),
                recipient("Grace", "Okafor", "en", null), opening(), List.of(), false));

        assertThat(message.body()).contains("Oct 21, 2013", "9:00", "10:30", "China").doesNotContain("your time");
    }

    @Test
    void showsTheRecipientsOwnTimeWhenTheirZoneDiffers() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.ENROLMENT_CONFIRMED, Map.of(),
                recipient("Amélie", "Dubois", "en", "Europe/Paris"), opening(), List.of(), false));

        // 09:00 in Beijing is 03:00 in Paris on 21 October 2013 (summer time until the 27th).
        assertThat(message.body()).contains("9:00", "your time", "3:00", "France");
    }

    @Test
    void showsTheTimeOfTheDelegatesCountryWhenItHasASingleZone() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.ENROLMENT_CONFIRMED, Map.of(),
                new Letter.Recipient("reg-1", "Amina", "Diallo", "en", null, "SN"), opening(), List.of(), false));

        // 09:00 in Beijing is 01:00 in Dakar.
        assertThat(message.body()).contains("9:00", "your time", "1:00", "Senegal");
    }

    @Test
    void showsOnlyTheVenuesTimeWhenTheDelegatesCountrySpansSeveralZones() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.ENROLMENT_CONFIRMED, Map.of(),
                new Letter.Recipient("reg-1", "Ana", "Silva", "en", null, "BR"), opening(), List.of(), false));

        assertThat(message.body()).contains("China Time").doesNotContain("your time");
    }

    @Test
    void writesSessionTimesInChineseForAChineseReader() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.ENROLMENT_CONFIRMED, Map.of(),
                recipient("伟", "王", "zh", null), opening(), List.of(), false));

        assertThat(message.subject()).contains("开幕全体会议");
        assertThat(message.body()).startsWith("尊敬的王伟").contains("2013年10月21日", "中国");
    }

    @Test
    void countsTheChangesOfADigestWithThePluralRulesOfTheLanguage() {
        List<Letter.ReleasedChange> two = List.of(
                new Letter.ReleasedChange("RESCHEDULED", openingState(false)),
                new Letter.ReleasedChange("RELOCATED", openingState(false)));

        ComposedMessage english = composer.compose(digest("en", two, false));
        ComposedMessage single = composer.compose(digest("en", two.subList(0, 1), false));
        ComposedMessage french = composer.compose(digest("fr", two, false));

        assertThat(english.subject()).startsWith("2 changes to your programme");
        assertThat(single.subject()).startsWith("A change to your programme");
        assertThat(french.subject()).contains("2 modifications");
    }

    @Test
    void listsEveryChangeOfADigestWithWhereAndWhenItWasBefore() {
        ComposedMessage message = composer.compose(digest("en", List.of(
                new Letter.ReleasedChange("RESCHEDULED", openingState(false)),
                new Letter.ReleasedChange("RELOCATED", openingState(false))), false));

        assertThat(message.body())
                .contains("• Moved: “Opening plenary” is now", "11:00", "(was ", "9:00")
                .contains("• New room for “Opening plenary”: Hall A (was Hall B)");
    }

    @Test
    void marksAnUrgentDigestInItsSubjectAndShortText() {
        ComposedMessage message = composer.compose(digest("en", List.of(
                new Letter.ReleasedChange("CANCELLED", openingState(true))), true));

        assertThat(message.subject()).startsWith("[Urgent] ");
        assertThat(message.shortText()).startsWith("[Urgent] ").contains("Cancelled", "Opening plenary");
        assertThat(message.body()).contains("Cancelled: “Opening plenary”", "(merged with the mayors’ forum)");
    }

    @Test
    void attachesACalendarThatUpdatesTheChangedSessionsInPlace() throws Exception {
        ComposedMessage message = composer.compose(digest("en", List.of(
                new Letter.ReleasedChange("RESCHEDULED", openingState(false)),
                new Letter.ReleasedChange("RELOCATED", openingState(false)),
                new Letter.ReleasedChange("CANCELLED", forumState())), false));

        Attachment ics = message.attachments().getFirst();
        assertThat(ics.fileName()).endsWith(".ics");
        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(
                new StringReader(new String(ics.content(), StandardCharsets.UTF_8)));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events).extracting(event -> event.getUid().orElseThrow().getValue())
                .containsExactly("s-opening@learningcities.org", "s-forum@learningcities.org");
        assertThat(events.getFirst().getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(events.get(1).getStatus().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void attachesTheBadgeAsAQrCodeOfItsToken() throws Exception {
        ComposedMessage message = composer.compose(new Letter(MessageTemplate.REGISTRATION_APPROVED, Map.of(),
                recipient("Grace", "Okafor", "en", null), BEIJING, null, "signed.badge-token", List.of(), false));

        Attachment badge = message.attachments().getFirst();
        assertThat(badge.contentType()).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(badge.content()));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo("signed.badge-token");
    }

    @Test
    void statesTheRejectionReasonOnlyWhenOneWasGiven() {
        ComposedMessage withReason = composer.compose(letter(MessageTemplate.REGISTRATION_REJECTED,
                Map.of(Facts.REASON, "Not a delegate of a Member State"), recipient("A", "B", "en", null), null,
                List.of(), false));
        ComposedMessage without = composer.compose(letter(MessageTemplate.REGISTRATION_REJECTED, Map.of(),
                recipient("A", "B", "en", null), null, List.of(), false));

        assertThat(withReason.body()).contains("Reason: Not a delegate of a Member State");
        assertThat(without.body()).doesNotContain("Reason");
    }

    @Test
    void tellsHowManyHoursAWaitingListOfferLasts() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.WAITLIST_OFFER_MADE,
                Map.of(Facts.OFFERED_AT, "2013-10-01T00:00:00Z", Facts.EXPIRES_AT, "2013-10-03T00:00:00Z"),
                recipient("Grace", "Okafor", "en", null), null, List.of(), false));

        assertThat(message.body()).contains("within 48 hours", "Oct 3, 2013");
    }

    @Test
    void namesTheBoothInTheInterpretersLanguage() {
        ComposedMessage message = composer.compose(letter(MessageTemplate.INTERPRETER_ASSIGNED,
                Map.of(Facts.BOOTH_LANGUAGE, "zh", Facts.RELAY_LANGUAGE, "en"),
                recipient("Marie", "Curie", "fr", null), opening(), List.of(), false));

        assertThat(message.subject()).contains("chinois");
        assertThat(message.body()).contains("anglais");
        assertThat(message.attachments()).singleElement()
                .satisfies(ics -> assertThat(new String(ics.content(), StandardCharsets.UTF_8))
                        .contains("UID:s-opening@learningcities.org"));
    }

    private static Letter digest(String language, List<Letter.ReleasedChange> changes, boolean critical) {
        return letter(MessageTemplate.SCHEDULE_CHANGED, Map.of(Facts.SCHEDULE_VERSION, "3"),
                recipient("Grace", "Okafor", language, null), null, changes, critical);
    }

    private static Letter letter(MessageTemplate template, Map<String, String> facts, Letter.Recipient recipient,
                                 Letter.Session session, List<Letter.ReleasedChange> changes, boolean critical) {
        return new Letter(template, facts, recipient, BEIJING, session, null, changes, critical);
    }

    private static Letter.Recipient recipient(String givenName, String familyName, String language, String zone) {
        return new Letter.Recipient("reg-1", givenName, familyName, language, zone, null);
    }

    private static Letter.Session opening() {
        return new Letter.Session("s-opening", Map.of("en", "Opening plenary", "zh", "开幕全体会议"),
                OPENING_START, OPENING_END, "Hall A", 0);
    }

    /** The opening plenary moved from 09:00 in Hall B to 11:00 in Hall A. */
    private static ScheduleReleased.SessionState openingState(boolean cancelled) {
        return new ScheduleReleased.SessionState("s-opening", 2, Map.of("en", "Opening plenary"),
                OPENING_START.plusSeconds(7200), OPENING_END.plusSeconds(7200), "hall-a", "Hall A", 4, List.of("en"),
                List.of("zh", "fr", "es"), false, cancelled,
                cancelled ? "merged with the mayors’ forum" : null, OPENING_START, OPENING_END, "Hall B");
    }

    private static ScheduleReleased.SessionState forumState() {
        return new ScheduleReleased.SessionState("s-forum", 1, Map.of("en", "Regional forum: Africa"),
                OPENING_START.plusSeconds(14_400), OPENING_END.plusSeconds(14_400), "room-3", "Room 3", 2,
                List.of("en"), List.of("fr"), true, true, null,
                null, null, null);
    }
}
