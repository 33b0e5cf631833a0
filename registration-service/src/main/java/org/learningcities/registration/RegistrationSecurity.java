package org.learningcities.registration;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.learningcities.registration.delegation.FocalPoints;
import org.learningcities.registration.registration.RegistrationAccounts;
import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what, exactly as the registration rows of docs/authorization-matrix.csv say. Object-level rules
 * run here on the path's registration or delegation, before the request body is read, so a caller who may not
 * touch the object learns nothing from validation messages. Whether an anonymous visitor may register depends on
 * the conference and is decided by the registrar.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationSecurity {

    private static final String REGISTRATION = "/api/registrations/{registrationId}";
    private static final String DELEGATION = "/api/conferences/{conferenceId}/delegations/{delegationId}";

    @Bean
    SecurityFilterChain registrationFilterChain(HttpSecurity http, ServiceSecurity security,
                                                RegistrationAccounts accounts, FocalPoints focalPoints)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> secretariatOrLinked = ServiceSecurity.allowWhen(
                (caller, context) -> caller.has(Role.SECRETARIAT) || linked(caller, context, accounts));
        AuthorizationManager<RequestAuthorizationContext> staffOrLinked = ServiceSecurity.allowWhen(
                (caller, context) -> caller.hasAny(Role.SECRETARIAT, Role.VISA_DESK)
                        || linked(caller, context, accounts));
        // Passport data: the delegate themselves and the visa desk; not their focal point, not the secretariat.
        AuthorizationManager<RequestAuthorizationContext> passportHolderOrVisaDesk = ServiceSecurity.allowWhen(
                (caller, context) -> caller.has(Role.VISA_DESK) || caller.has(Role.DELEGATE)
                        && accounts.isTheDelegate(registrationId(context), caller.accountId().orElseThrow()));
        AuthorizationManager<RequestAuthorizationContext> secretariatOrItsFocalPoint = ServiceSecurity.allowWhen(
                (caller, context) -> caller.has(Role.SECRETARIAT) || caller.has(Role.FOCAL_POINT)
                        && focalPoints.heads(caller.accountId().orElseThrow(),
                        context.getVariables().get("delegationId")));
        String secretariat = Role.SECRETARIAT.name();
        return security.filterChain(http, rules -> rules
                // Anonymous visitors too; the registrar refuses them where the conference requires an account.
                .requestMatchers(POST, "/api/conferences/{conferenceId}/registrations").access(ServiceSecurity.allowWhen(
                        (caller, context) -> caller.isAnonymous()
                                || caller.hasAny(Role.DELEGATE, Role.FOCAL_POINT, Role.SECRETARIAT)))
                .requestMatchers(GET, "/api/conferences/{conferenceId}/registrations",
                        "/api/conferences/{conferenceId}/registrations/export.csv").hasRole(secretariat)
                .requestMatchers(POST, "/api/conferences/{conferenceId}/check-ins").hasRole(secretariat)
                .requestMatchers(POST, "/api/conferences/{conferenceId}/delegations")
                .hasAnyRole(ServiceSecurity.names(Role.FOCAL_POINT, Role.SECRETARIAT))
                // A focal point's list holds only the delegations they head.
                .requestMatchers(GET, "/api/conferences/{conferenceId}/delegations")
                .hasAnyRole(ServiceSecurity.names(Role.FOCAL_POINT, Role.SECRETARIAT))
                .requestMatchers(GET, DELEGATION, DELEGATION + "/members").access(secretariatOrItsFocalPoint)
                .requestMatchers(POST, DELEGATION + "/members").access(secretariatOrItsFocalPoint)
                .requestMatchers(GET, REGISTRATION + "/visa-letter").access(passportHolderOrVisaDesk)
                .requestMatchers(DELETE, REGISTRATION + "/visa-letter").access(passportHolderOrVisaDesk)
                .requestMatchers(POST, REGISTRATION + "/approval", REGISTRATION + "/rejection",
                        REGISTRATION + "/profile-changes/{changeId}/acceptance", REGISTRATION + "/badge/revocation")
                .hasRole(secretariat)
                .requestMatchers(GET, REGISTRATION).access(staffOrLinked)
                .requestMatchers(PATCH, REGISTRATION).access(secretariatOrLinked)
                .requestMatchers(POST, REGISTRATION + "/withdrawal", REGISTRATION + "/offer-acceptance")
                .access(secretariatOrLinked)
                .requestMatchers(GET, REGISTRATION + "/badge", REGISTRATION + "/badge/token").access(secretariatOrLinked));
    }

    /** A delegate or focal point whose account is linked to the path's registration. */
    private static boolean linked(Caller caller, RequestAuthorizationContext context, RegistrationAccounts accounts) {
        return caller.hasAny(Role.DELEGATE, Role.FOCAL_POINT)
                && accounts.isLinked(registrationId(context), caller.accountId().orElseThrow());
    }

    private static String registrationId(RequestAuthorizationContext context) {
        return context.getVariables().get("registrationId");
    }
}
