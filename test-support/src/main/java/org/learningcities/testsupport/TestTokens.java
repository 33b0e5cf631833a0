package org.learningcities.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.learningcities.security.Role;

/**
 * Access tokens for tests, signed like the platform's authorization server signs them (RS256, {@code roles},
 * {@code sub}, issuer, audience). The public key is served as a JWK set by a real HTTP server in this JVM, and
 * {@link RealInfrastructure} points the service under test at it, so the service validates every token exactly
 * as in production. Tokens signed by another key, expired, or for another audience are here to prove rejection.
 */
public final class TestTokens {

    /** The audience every platform token carries, and every service requires. */
    public static final String AUDIENCE = "learning-cities-api";

    private static final RSAKey PLATFORM_KEY = generateKey("test-platform-key");
    private static final RSAKey UNKNOWN_KEY = generateKey("test-platform-key");
    private static final String ISSUER = startJwkSetServer();

    private TestTokens() {
    }

    /** The issuer the tokens carry: the base URL of the JWK set server. */
    public static String issuer() {
        return ISSUER;
    }

    public static String jwkSetUri() {
        return ISSUER + "/oauth2/jwks";
    }

    /** A token for an account with roles, valid for an hour. */
    public static String token(String accountId, Role... roles) {
        return of(accountId, roles).encode();
    }

    /** {@code Bearer <token>}, for an Authorization header. */
    public static String bearer(String accountId, Role... roles) {
        return "Bearer " + token(accountId, roles);
    }

    /**
     * A token for the staff account most tests act as: secretariat (with the visa desk), interpretation
     * coordinator and operations. Tests of who may do what use accounts with one role instead.
     */
    public static String staffBearer() {
        return bearer("test-staff", Role.SECRETARIAT, Role.VISA_DESK, Role.INTERPRETATION_COORDINATOR,
                Role.OPERATIONS);
    }

    public static Spec of(String accountId, Role... roles) {
        Instant now = Instant.now();
        return new Spec(accountId, Arrays.asList(roles), ISSUER, AUDIENCE, now, now.plus(Duration.ofHours(1)), false);
    }

    /** What goes into a token; change one thing to make it invalid in exactly that way. */
    public record Spec(String accountId, List<Role> roles, String issuer, String audience, Instant issuedAt,
                       Instant expiresAt, boolean unknownKey) {

        public Spec expiredSince(Duration ago) {
            Instant expiry = Instant.now().minus(ago);
            return new Spec(accountId, roles, issuer, audience, expiry.minus(Duration.ofHours(1)), expiry,
                    unknownKey);
        }

        public Spec issuedBy(String otherIssuer) {
            return new Spec(accountId, roles, otherIssuer, audience, issuedAt, expiresAt, unknownKey);
        }

        public Spec forAudience(String otherAudience) {
            return new Spec(accountId, roles, issuer, otherAudience, issuedAt, expiresAt, unknownKey);
        }

        /** Signed by a key with the platform key's id that the authorization server never published. */
        public Spec signedByUnknownKey() {
            return new Spec(accountId, roles, issuer, audience, issuedAt, expiresAt, true);
        }

        public String encode() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(accountId)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("roles", roles.stream().map(Role::name).toList())
                    .build();
            RSAKey key = unknownKey ? UNKNOWN_KEY : PLATFORM_KEY;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        public String bearer() {
            return "Bearer " + encode();
        }
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String startJwkSetServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(PLATFORM_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
