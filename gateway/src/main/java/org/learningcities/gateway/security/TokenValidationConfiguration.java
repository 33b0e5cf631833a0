package org.learningcities.gateway.security;

import java.util.List;

import org.learningcities.gateway.problem.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import reactor.core.publisher.Mono;

/**
 * The gateway checks tokens but not permissions: a request with an invalid bearer token (bad signature, expired,
 * wrong issuer or audience) is answered 401 here and never reaches a service; a request without a token goes on
 * anonymously (each service decides what anonymous callers may do); a valid token travels on unchanged in the
 * {@code Authorization} header, and the service validates it again (no trust in the network).
 *
 * <p>Bearer tokens only, no cookies: no CSRF protection, no session, no saved requests. CORS preflights are answered
 * here, before any route. Spring Security's firewall refuses non-normalized paths ({@code /api/../actuator/env},
 * encoded dots or slashes, {@code ;} parameters), which a service could resolve to something the route table never
 * meant to expose; they are answered 404 like any other path the gateway does not serve.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CorsProperties.class, SecurityHeadersProperties.class})
class TokenValidationConfiguration {

    @Bean
    SecurityWebFilterChain tokenValidation(ServerHttpSecurity http, ProblemResponses problems,
                                           CorsProperties cors, SecurityHeadersProperties headers) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(spec -> spec.configurationSource(corsConfigurationSource(cors)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(rejectedToken(problems)))
                .headers(spec -> spec
                        // Written below regardless of scheme: TLS ends in front of the gateway.
                        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                        .writer(securityHeaders(headers)))
                .build();
    }

    /** Paths the firewall refuses are paths the gateway does not serve. */
    @Bean
    ServerExchangeRejectedHandler notFoundForRejectedPaths(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No API endpoint matches " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getURI().getRawPath() + "."), new HttpHeaders());
    }

    private static CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setMaxAge(properties.maxAge());
        // Tokens travel in the Authorization header, never in cookies.
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * 401 problem+json with the RFC 6750 challenge. Neither the header nor the body echoes the parser's message,
     * which could describe the token's contents.
     */
    private static ServerAuthenticationEntryPoint rejectedToken(ProblemResponses problems) {
        return (exchange, failure) -> {
            String error = failure instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode()
                    : "invalid_token";
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error
                    + "\", error_description=\"The access token is invalid or expired.\"");
            return problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The access token was rejected: it is expired, malformed, not signed by the platform's"
                            + " authorization server, or not issued for this API."), headers);
        };
    }

    /**
     * HSTS, and no answer names the software behind the gateway: services' {@code Server} and
     * {@code X-Powered-By} headers are dropped.
     */
    private static ServerHttpHeadersWriter securityHeaders(SecurityHeadersProperties properties) {
        List<String> revealing = List.of(HttpHeaders.SERVER, "X-Powered-By");
        return exchange -> {
            HttpHeaders response = exchange.getResponse().getHeaders();
            revealing.forEach(response::remove);
            if (properties.hstsEnabled()) {
                response.set("Strict-Transport-Security", properties.hstsValue());
            }
            return Mono.empty();
        };
    }
}
