package org.learningcities.platform.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens the authorization server would never issue, to prove every service refuses them: signed with the
 * platform's real key (read from the local platform's data directory) but expired, for another audience or from
 * another issuer; or well-formed but signed by a key the platform never published.
 */
final class PlatformSigningKey {

    private final RSAKey platformKey;
    private final String issuer;

    private PlatformSigningKey(RSAKey platformKey, String issuer) {
        this.platformKey = platformKey;
        this.issuer = issuer;
    }

    static PlatformSigningKey of(Path dataDirectory, String issuer) throws IOException, ParseException {
        String stored = Files.readString(dataDirectory.resolve("authorization-server").resolve("signing-key.json"));
        JWK key = stored.contains("\"keys\"") ? JWKSet.parse(stored).getKeys().getFirst() : JWK.parse(stored);
        return new PlatformSigningKey(key.toRSAKey(), issuer);
    }

    String expired(String accountId, String... roles) {
        Instant expiredAt = Instant.now().minusSeconds(600);
        return sign(platformKey, claims(accountId, roles, issuer, "learning-cities-api", expiredAt.minusSeconds(1800),
                expiredAt));
    }

    String forAudience(String audience, String accountId, String... roles) {
        Instant now = Instant.now();
        return sign(platformKey, claims(accountId, roles, issuer, audience, now, now.plusSeconds(600)));
    }

    String fromIssuer(String otherIssuer, String accountId, String... roles) {
        Instant now = Instant.now();
        return sign(platformKey, claims(accountId, roles, otherIssuer, "learning-cities-api", now, now.plusSeconds(600)));
    }

    /** Everything right but the key: a forger's key with the platform key's id. */
    String signedByAnotherKey(String accountId, String... roles) {
        try {
            RSAKey forged = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();
            Instant now = Instant.now();
            return sign(forged, claims(accountId, roles, issuer, "learning-cities-api", now, now.plusSeconds(600)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic forgery: {@code alg: none} and no signature at all. */
    String unsigned(String accountId, String... roles) {
        Instant now = Instant.now();
        return new com.nimbusds.jwt.PlainJWT(claims(accountId, roles, issuer, "learning-cities-api", now,
                now.plusSeconds(600))).serialize();
    }

    private static JWTClaimsSet claims(String accountId, String[] roles, String issuer, String audience,
                                       Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject(accountId)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
