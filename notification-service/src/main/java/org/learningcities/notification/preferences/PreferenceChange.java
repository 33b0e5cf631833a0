package org.learningcities.notification.preferences;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of a PUT: every channel switch is stated, so that a client cannot turn a channel off by forgetting it.
 *
 * <p>A switch must be a JSON boolean: the mapper would otherwise take {@code 1} or {@code "true"} for one.
 *
 * @param timeZone      IANA region id, e.g. {@code Europe/Paris}; null for none of their own
 * @param unknownFields whatever else the client sent. The service's JSON mapper ignores unknown fields, which
 *                      here would hide a misspelt switch ({@code "SMS": false}); they are refused by name instead
 */
@PreferenceChange.NoUnknownFields
record PreferenceChange(@NotNull @JsonDeserialize(using = StrictBoolean.class) Boolean email,
                        @NotNull @JsonDeserialize(using = StrictBoolean.class) Boolean sms,
                        @NotNull @JsonDeserialize(using = StrictBoolean.class) Boolean inApp,
                        @RegionTimeZone String timeZone,
                        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {

    PreferenceChange {
        unknownFields = unknownFields == null ? Map.of() : Map.copyOf(unknownFields);
    }

    static final class StrictBoolean extends ValueDeserializer<Boolean> {

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) {
            return switch (parser.currentToken()) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                default -> (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
            };
        }
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = NoUnknownFields.Validator.class)
    @interface NoUnknownFields {

        String message() default "is not a known field";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** One error per unknown field, named as the client sent it. */
        final class Validator implements ConstraintValidator<NoUnknownFields, PreferenceChange> {

            @Override
            public boolean isValid(PreferenceChange change, ConstraintValidatorContext context) {
                if (change.unknownFields().isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                change.unknownFields().keySet().forEach(field -> context
                        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(field)
                        .addConstraintViolation());
                return false;
            }
        }
    }
}
