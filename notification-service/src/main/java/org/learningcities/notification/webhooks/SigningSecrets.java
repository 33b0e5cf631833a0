package org.learningcities.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Secrets and signatures as Standard Webhooks specify them (https://www.standardwebhooks.com/). */
final class SigningSecrets {

    static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecrets() {
    }

    static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What is wrong with a secret a partner chose, if anything. */
    static Optional<String> problem(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.of("must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = key(secret);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("must be " + PREFIX + " followed by base64");
        }
        return key.length < MIN_BYTES || key.length > MAX_BYTES
                ? Optional.of("must encode " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length)
                : Optional.empty();
    }

    /** The {@code webhook-signature} header: HMAC-SHA256 of {@code id.timestamp.body}, keyed by the decoded secret. */
    static String signature(String secret, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
