package org.learningcities.registration.registration;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The profile-change rule of each conference. agenda-service's ConferenceScheduled does not carry one,
 * so a rule comes from the application properties
 * ({@code registration.change-rules.<conferenceId>.rule} and {@code .changes-close-at}), and otherwise from
 * the conference replica's columns, which default to ALLOWED without a deadline.
 */
@Component
class ChangeRules {

    private final Properties properties;
    private final JdbcClient jdbc;

    ChangeRules(Properties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    ConferenceRule of(String conferenceId) {
        ConferenceRule configured = properties.changeRules().get(conferenceId);
        if (configured != null) {
            return configured;
        }
        return jdbc.sql("select change_rule, changes_close_at from conference where conference_id = ?")
                .param(conferenceId)
                .query((rs, row) -> new ConferenceRule(ChangeRule.valueOf(rs.getString("change_rule")),
                        rs.getTimestamp("changes_close_at") == null ? null
                                : rs.getTimestamp("changes_close_at").toInstant()))
                .single();
    }

    /** @param changesCloseAt under CLOSED, the moment approved delegates can no longer change anything */
    record ConferenceRule(ChangeRule rule, Instant changesCloseAt) {

        ConferenceRule {
            if (rule == null) {
                rule = ChangeRule.ALLOWED;
            }
        }

        /** What becomes of a change an approved delegate asks for at this moment. */
        Permission permissionAt(Instant moment) {
            return switch (rule) {
                case ALLOWED -> Permission.APPLY;
                case MODERATED -> Permission.HOLD_FOR_SECRETARIAT;
                case CLOSED -> changesCloseAt != null && moment.isBefore(changesCloseAt)
                        ? Permission.APPLY : Permission.REFUSE;
            };
        }
    }

    enum Permission {
        APPLY,
        HOLD_FOR_SECRETARIAT,
        REFUSE
    }

    @ConfigurationProperties("registration")
    record Properties(Map<String, ConferenceRule> changeRules) {

        Properties {
            changeRules = changeRules == null ? Map.of() : Map.copyOf(changeRules);
        }
    }
}
