package org.learningcities.interpretation;

import static org.learningcities.security.ServiceSecurity.allowWhen;
import static org.learningcities.security.ServiceSecurity.names;

import org.learningcities.interpretation.roster.RosterAccounts;
import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what: the interpretation rows of docs/authorization-matrix.csv, one rule per row
 * (AuthorizationMatrixTest holds the two in step). Anything not listed is denied by {@link ServiceSecurity}.
 */
@Configuration(proxyBeanMethods = false)
class InterpretationSecurity {

    private static final Role COORDINATOR = Role.INTERPRETATION_COORDINATOR;

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ServiceSecurity security, RosterAccounts accounts)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> coordinatorOrThatInterpreter =
                coordinatorOrThatInterpreter(accounts);
        return security.filterChain(http, rules -> rules
                // The roster: contact details of every interpreter, the coordinator's alone.
                .requestMatchers(HttpMethod.POST, "/api/interpreters", "/api/interpreters/import")
                .hasRole(COORDINATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/interpreters").hasRole(COORDINATOR.name())
                .requestMatchers(HttpMethod.PUT, "/api/interpreters/{interpreterId}").hasRole(COORDINATOR.name())
                // An interpreter reads their own entry and schedule, decided before the handler looks anything up,
                // so another interpreter's id answers 403 whether or not it exists.
                .requestMatchers(HttpMethod.GET, "/api/interpreters/{interpreterId}",
                        "/api/interpreters/{interpreterId}/assignments",
                        "/api/interpreters/{interpreterId}/assignments.ics").access(coordinatorOrThatInterpreter)
                // Booking interpretation for a conference: the secretariat asks, the coordinator plans.
                .requestMatchers(HttpMethod.POST, "/api/conferences/{conferenceId}/interpretation/requests")
                .hasAnyRole(names(Role.SECRETARIAT, COORDINATOR))
                .requestMatchers(HttpMethod.GET, "/api/conferences/{conferenceId}/interpretation/requests",
                        "/api/conferences/{conferenceId}/interpretation/requests/{requestId}")
                .hasAnyRole(names(Role.SECRETARIAT, COORDINATOR))
                // Booth coverage and headset counts: operations sets up the rooms and hands out receivers.
                .requestMatchers(HttpMethod.GET, "/api/conferences/{conferenceId}/interpretation/coverage",
                        "/api/conferences/{conferenceId}/interpretation/receivers")
                .hasAnyRole(names(Role.SECRETARIAT, COORDINATOR, Role.OPERATIONS)));
    }

    private static AuthorizationManager<RequestAuthorizationContext> coordinatorOrThatInterpreter(
            RosterAccounts accounts) {
        return allowWhen((caller, context) -> caller.has(COORDINATOR) || caller.has(Role.INTERPRETER)
                && isLinked(caller, context.getVariables().get("interpreterId"), accounts));
    }

    private static boolean isLinked(Caller caller, String interpreterId, RosterAccounts accounts) {
        return caller.accountId().map(account -> accounts.isLinked(interpreterId, account)).orElse(false);
    }
}
