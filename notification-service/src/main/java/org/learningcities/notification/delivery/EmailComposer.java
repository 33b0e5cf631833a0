package org.learningcities.notification.delivery;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Writes an e-mail in the recipient's correspondence language from the texts in {@code mail/messages_*.properties}. */
@Component
class EmailComposer {

    private static final String MESSAGES = "mail/messages";

    // Only the resolved language's own file: never the JVM's default locale, which differs between machines.
    private static final ResourceBundle.Control OWN_FILE_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Set<Character.UnicodeScript> FAMILY_NAME_FIRST_SCRIPTS = Set.of(
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.HANGUL);

    ComposedEmail compose(DueEmail email) {
        CorrespondenceLanguage language = CorrespondenceLanguage.forTag(email.recipient().correspondenceLanguage());
        Locale locale = language.locale();
        ResourceBundle messages = ResourceBundle.getBundle(MESSAGES, locale, OWN_FILE_ONLY);
        String name = displayName(email.recipient().givenName(), email.recipient().familyName());
        Object[] arguments = switch (email.template()) {
            case REGISTRATION_RECEIVED -> registrationReceived(email, name, messages, locale);
        };
        String key = email.template().key();
        return new ComposedEmail(language, name,
                format(messages, key + ".subject", locale, arguments),
                format(messages, key + ".body", locale, arguments));
    }

    /** The arguments documented for registration-received in messages_en.properties, in their order. */
    private static Object[] registrationReceived(DueEmail email, String name, ResourceBundle messages, Locale locale) {
        String status = email.parameters().get(EmailRequest.REGISTRATION_STATUS);
        return new Object[] {
                name,
                email.conference().title(),
                email.conference().city(),
                longDate(email.conference().startDate(), locale),
                longDate(email.conference().endDate(), locale),
                email.recipient().registrationId(),
                messages.getString(EmailTemplate.REGISTRATION_RECEIVED.key() + ".status." + status)};
    }

    /**
     * Chinese, Japanese and Korean names are written family name first and without a space (王伟);
     * other names given name first, as the delegate entered them.
     */
    static String displayName(String givenName, String familyName) {
        String given = givenName == null ? "" : givenName.strip();
        String family = familyName == null ? "" : familyName.strip();
        if (writtenFamilyNameFirst(family) && writtenFamilyNameFirst(given)) {
            return family + given;
        }
        return (given + " " + family).strip();
    }

    private static boolean writtenFamilyNameFirst(String namePart) {
        return namePart.codePoints()
                .filter(Character::isLetter)
                .allMatch(codePoint -> FAMILY_NAME_FIRST_SCRIPTS.contains(Character.UnicodeScript.of(codePoint)));
    }

    private static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    private static String format(ResourceBundle messages, String key, Locale locale, Object[] arguments) {
        return new MessageFormat(messages.getString(key), locale).format(arguments);
    }
}
