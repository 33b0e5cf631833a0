package org.learningcities.notification.preferences;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An IANA region id such as {@code Asia/Shanghai}, spelled exactly. Fixed offsets ({@code +08:00}) ignore
 * daylight saving, and {@code Etc/GMT+8} means UTC-8, the opposite of what most people who write it mean.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegionTimeZone.Validator.class)
@interface RegionTimeZone {

    String message() default "must be an IANA time zone region such as Europe/Paris or Asia/Shanghai";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<RegionTimeZone, String> {

        private static final Pattern GMT_OFFSET = Pattern.compile("(Etc/)?GMT[+-]\\d+");

        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            return zone == null || ZoneId.getAvailableZoneIds().contains(zone) && !GMT_OFFSET.matcher(zone).matches();
        }
    }
}
