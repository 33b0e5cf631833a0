package org.learningcities.agenda.access;

import static org.learningcities.security.ServiceSecurity.names;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.learningcities.security.Role;
import org.learningcities.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The agenda rows of docs/authorization-matrix.csv, one rule per row. The published programme is public;
 * drafting it is the secretariat's; a personal agenda or enrolment is its delegate's, their focal point's and the
 * secretariat's. Enrolling names the registration in the body, so {@code EnrolmentController} checks it there.
 */
@Configuration(proxyBeanMethods = false)
class AgendaSecurityConfiguration {

    private static final String CONFERENCE = "/api/conferences/{conferenceId}";

    @Bean
    SecurityFilterChain agendaSecurity(HttpSecurity http, ServiceSecurity security, RegistrationAccess access)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> actsForRegistration = ServiceSecurity.allowWhen(
                (caller, context) -> access.mayActFor(caller, context.getVariables().get("registrationId")));
        String secretariat = Role.SECRETARIAT.name();
        return security.filterChain(http, rules -> rules
                .requestMatchers(GET, "/api/conferences", CONFERENCE).permitAll()
                .requestMatchers(POST, "/api/conferences", "/api/conferences/programme-imports").hasRole(secretariat)
                .requestMatchers(GET, CONFERENCE + "/rooms", CONFERENCE + "/rooms/{roomId}").permitAll()
                .requestMatchers(POST, CONFERENCE + "/rooms").hasRole(secretariat)
                // Before sessions/{sessionId}, which would otherwise take "drafts" for a session id.
                .requestMatchers(GET, CONFERENCE + "/sessions/drafts")
                .hasAnyRole(names(Role.SECRETARIAT, Role.INTERPRETATION_COORDINATOR))
                .requestMatchers(POST, CONFERENCE + "/sessions").hasRole(secretariat)
                .requestMatchers(PATCH, CONFERENCE + "/sessions/{sessionId}").hasRole(secretariat)
                .requestMatchers(POST, CONFERENCE + "/schedule/releases").hasRole(secretariat)
                .requestMatchers(GET, CONFERENCE + "/schedule/releases", CONFERENCE + "/sessions",
                        CONFERENCE + "/sessions/{sessionId}", CONFERENCE + "/agenda.ics",
                        CONFERENCE + "/programme/changes").permitAll()
                .requestMatchers(POST, CONFERENCE + "/sessions/{sessionId}/enrolments")
                .hasAnyRole(names(Role.DELEGATE, Role.FOCAL_POINT, Role.SECRETARIAT))
                .requestMatchers(GET, CONFERENCE + "/sessions/{sessionId}/enrolments").hasRole(secretariat)
                .requestMatchers(DELETE, CONFERENCE + "/sessions/{sessionId}/enrolments/{registrationId}")
                .access(actsForRegistration)
                // Before agendas/{registrationId}, which would otherwise read "R1.ics" as the registration id.
                .requestMatchers(GET, CONFERENCE + "/agendas/{registrationId}.ics").access(actsForRegistration)
                .requestMatchers(GET, CONFERENCE + "/agendas/{registrationId}").access(actsForRegistration));
    }
}
