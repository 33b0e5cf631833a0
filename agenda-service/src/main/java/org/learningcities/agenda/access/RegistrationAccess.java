package org.learningcities.agenda.access;

import java.util.Map;

import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may act for a registration: the secretariat for anyone, a delegate or focal point only for a registration
 * registration-service linked to their account.
 */
@Component
public class RegistrationAccess {

    private final AccountLinks accounts;

    RegistrationAccess(AccountLinks accounts) {
        this.accounts = accounts;
    }

    public boolean mayActFor(Caller caller, String registrationId) {
        if (caller.has(Role.SECRETARIAT)) {
            return true;
        }
        return caller.hasAny(Role.DELEGATE, Role.FOCAL_POINT) && registrationId != null
                && caller.isAnyOf(accounts.of(registrationId));
    }

    /**
     * For requests naming the registration in their body, which the filter chain cannot see: 403 as
     * problem+json, like the filter chain's denials.
     */
    public void requireMayActFor(Caller caller, String registrationId) {
        if (!mayActFor(caller, registrationId)) {
            throw Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "Your account may not act for registration " + registrationId + ".",
                    Map.of("registrationId", registrationId));
        }
    }
}
