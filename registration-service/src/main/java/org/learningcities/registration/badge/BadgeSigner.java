package org.learningcities.registration.badge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs badge claims into a compact token, {@code base64url(payload).base64url(HMAC-SHA256(payload))},
 * and verifies scanned tokens. Scanners at the venue need no database lookup to reject a forgery.
 */
@Component
class BadgeSigner {

    private static final String ALGORITHM = "HmacSHA256";
    /** HMAC-SHA256 is only as strong as its key; shorter keys are guessable offline from one badge. */
    private static final int MINIMUM_KEY_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final JsonMapper json;

    BadgeSigner(@Value("${registration.badge.signing-key}") String base64Key, JsonMapper json) {
        this.key = new SecretKeySpec(decodeKey(base64Key), ALGORITHM);
        this.json = json;
    }

    String sign(BadgeClaims claims) {
        byte[] payload = json.writeValueAsBytes(new Payload(claims.registrationId(), claims.conferenceId(),
                claims.serial(), claims.issuedAt().getEpochSecond()));
        return BASE64URL.encodeToString(payload) + "." + BASE64URL.encodeToString(mac(payload));
    }

    /** The claims of a token this service signed; empty for anything forged, altered or malformed. */
    Optional<BadgeClaims> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = BASE64URL_DECODER.decode(parts[0]);
            byte[] signature = BASE64URL_DECODER.decode(parts[1]);
            // Constant-time comparison: timing must not reveal how much of a forged signature was right.
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            Payload read = json.readValue(payload, Payload.class);
            return Optional.of(new BadgeClaims(read.reg(), read.conf(), read.serial(),
                    Instant.ofEpochSecond(read.iat())));
        } catch (IllegalArgumentException | JacksonException unreadable) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has " + ALGORITHM, e);
        }
    }

    private static byte[] decodeKey(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("registration.badge.signing-key must be base64", e);
        }
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("registration.badge.signing-key must decode to at least "
                    + MINIMUM_KEY_BYTES + " bytes, it has " + bytes.length);
        }
        return bytes;
    }

    /** Short field names keep the QR code small enough to scan quickly from a lanyard. */
    private record Payload(String reg, String conf, int serial, long iat) {
    }
}
