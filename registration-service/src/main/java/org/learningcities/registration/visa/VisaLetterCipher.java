package org.learningcities.registration.visa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for passport data at rest. Each record gets its own random 12-byte nonce, and the
 * registration id is bound in as associated data, so a ciphertext copied onto another registration's
 * row fails to decrypt instead of revealing someone else's passport.
 */
@Component
class VisaLetterCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    VisaLetterCipher(@Value("${registration.visa.encryption-key}") String base64Key) {
        this.key = new SecretKeySpec(decodeKey(base64Key), "AES");
    }

    Sealed seal(byte[] plaintext, String registrationId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, registrationId);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    /** Fails if the ciphertext, nonce or registration id was tampered with, or another key sealed it. */
    byte[] open(Sealed sealed, String registrationId) {
        try {
            return cipher(Cipher.DECRYPT_MODE, sealed.nonce(), registrationId).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Visa-letter data of registration " + registrationId
                    + " cannot be decrypted with the configured key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String registrationId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(registrationId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A wrong key must stop the service at startup, not surface later as undecryptable records. */
    private static byte[] decodeKey(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("registration.visa.encryption-key must be Base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("registration.visa.encryption-key must be " + KEY_BYTES
                    + " bytes (AES-256) encoded in Base64, but it is " + bytes.length + " bytes; "
                    + "generate one with: openssl rand -base64 32");
        }
        return bytes;
    }

    /** @param ciphertext the encrypted data followed by the GCM tag */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }
}
