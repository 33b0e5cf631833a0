package org.learningcities.interpretation.language;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A well-formed BCP 47 language tag naming an ISO 639 language, e.g. {@code zh}, {@code es-MX}: the roster's
 * languages, booths and bookings are all checked alike.
 */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en, zh, fr or es";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || canonical(value) != null;
        }

        /** The tag in its canonical spelling ({@code ZH-hans} becomes {@code zh-Hans}), or null if it names no language. */
        public static String canonical(String value) {
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                // BCP 47 allows 5-8 letter language subtags, but none is registered: "english" is a typo, not a tag.
                String language = locale.getLanguage();
                return language.isEmpty() || language.length() > 3 || "und".equals(language) ? null : locale.toLanguageTag();
            } catch (IllformedLocaleException e) {
                return null;
            }
        }
    }
}
