package org.learningcities.security;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the account (the token's {@code sub}) and its roles, or an anonymous visitor. Object-level
 * rules compare {@link #accountId()} with the accounts linked to the object.
 */
public final class Caller {

    private final Authentication authentication;

    private Caller(Authentication authentication) {
        this.authentication = authentication;
    }

    /** The caller of the request being handled on this thread. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Caller of(Authentication authentication) {
        return new Caller(authentication);
    }

    public boolean isAnonymous() {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    /** The account id, empty for an anonymous visitor. */
    public Optional<String> accountId() {
        return isAnonymous() ? Optional.empty() : Optional.of(authentication.getName());
    }

    public boolean has(Role role) {
        return !isAnonymous() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }

    public boolean hasAny(Role... roles) {
        return Arrays.stream(roles).anyMatch(this::has);
    }

    /** Whether the caller is one of the given accounts. */
    public boolean isAnyOf(Iterable<String> accountIds) {
        Optional<String> me = accountId();
        if (me.isEmpty()) {
            return false;
        }
        for (String accountId : accountIds) {
            if (me.get().equals(accountId)) {
                return true;
            }
        }
        return false;
    }
}
