package org.learningcities.security;

import java.util.function.BiPredicate;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Builds a service's filter chain: a stateless OAuth2 resource server that validates every bearer token itself
 * (signature, issuer, audience, expiry) and answers 401 and 403 as problem+json. The service lists its own rules
 * per endpoint; anything it does not list is denied, so a new endpoint without a rule cannot slip out open.
 */
public final class ServiceSecurity {

    private final JwtAuthenticationConverter tokenConverter;
    private final ProblemSecurityResponses responses;

    ServiceSecurity(JwtAuthenticationConverter tokenConverter, ProblemSecurityResponses responses) {
        this.tokenConverter = tokenConverter;
        this.responses = responses;
    }

    public SecurityFilterChain filterChain(
            HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> endpointRules)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter))
                        .authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                    "/actuator/prometheus").permitAll()
                            .requestMatchers("/actuator/**").hasRole(Role.OPERATIONS.name())
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                    "/swagger-ui/**").permitAll()
                            .requestMatchers("/error").permitAll();
                    endpointRules.customize(requests);
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    /** A rule decided on the caller and the request, e.g. whether the caller owns the path's registration. */
    public static AuthorizationManager<RequestAuthorizationContext> allowWhen(
            BiPredicate<Caller, RequestAuthorizationContext> rule) {
        return (authentication, context) -> new AuthorizationDecision(rule.test(Caller.of(authentication.get()), context));
    }

    /** Roles as the {@code hasAnyRole} names Spring Security expects. */
    public static String[] names(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }

}
