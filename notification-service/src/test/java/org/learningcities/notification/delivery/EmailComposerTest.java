package org.learningcities.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EmailComposerTest {

    private final EmailComposer composer = new EmailComposer();

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
    void writesInTheDelegatesLanguageOrElseInEnglish(String correspondenceLanguage, String writtenIn) {
        ComposedEmail email = composer.compose(
                registrationReceived("Grace", "Okafor", correspondenceLanguage, "PENDING"));

        assertThat(email.language().tag()).isEqualTo(writtenIn);
    }

    @Test
    void keepsTheApostrophesOfFrenchTextsThatMessageFormatWouldSwallow() {
        ComposedEmail email = composer.compose(registrationReceived("Amélie", "Dubois", "fr", "WAITLISTED"));

        assertThat(email.body()).contains("Numéro d’inscription", "sur liste d’attente");
    }

    @Test
    void tellsAWaitlistedDelegateThatTheyAreOnTheWaitingList() {
        ComposedEmail email = composer.compose(registrationReceived("Grace", "Okafor", "en", "WAITLISTED"));

        assertThat(email.body()).contains("Status: on the waiting list");
    }

    @Test
    void writesChineseJapaneseAndKoreanNamesFamilyNameFirst() {
        assertThat(EmailComposer.displayName("伟", "王")).isEqualTo("王伟");
        assertThat(EmailComposer.displayName("はるか", "佐藤")).isEqualTo("佐藤はるか");
        assertThat(EmailComposer.displayName("민준", "김")).isEqualTo("김민준");
        assertThat(EmailComposer.displayName("Wei", "Wang")).isEqualTo("Wei Wang");
        assertThat(EmailComposer.displayName("", "Sukarno")).isEqualTo("Sukarno");
    }

    @ParameterizedTest
    @EnumSource(CorrespondenceLanguage.class)
    void everyLanguageHasEveryText(CorrespondenceLanguage language) {
        ResourceBundle english = bundle(Locale.ENGLISH);

        assertThat(bundle(language.locale()).keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("mail/messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static DueEmail registrationReceived(String givenName, String familyName, String language,
                                                 String registrationStatus) {
        return new DueEmail(UUID.randomUUID(), EmailTemplate.REGISTRATION_RECEIVED,
                Map.of(EmailRequest.REGISTRATION_STATUS, registrationStatus), 0,
                new DueEmail.Recipient("reg-1", givenName, familyName, "delegate@cities.example", language),
                new DueEmail.Conference("International Conference on Learning Cities", "Beijing",
                        LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23)));
    }
}
