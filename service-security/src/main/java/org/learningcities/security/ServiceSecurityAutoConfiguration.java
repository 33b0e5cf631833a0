package org.learningcities.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Roles come from the token's {@code roles} claim (e.g. {@code ["SECRETARIAT"]}) and become {@code ROLE_*}
 * authorities; the account is the token's {@code sub}. Issuer, JWK set and audience are the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSecurityAutoConfiguration {

    /** The claim listing the caller's roles, written by the platform's authorization server. */
    public static final String ROLES_CLAIM = "roles";

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    ServiceSecurity serviceSecurity(JwtAuthenticationConverter jwtAuthenticationConverter) {
        return new ServiceSecurity(jwtAuthenticationConverter, new ProblemSecurityResponses());
    }
}
