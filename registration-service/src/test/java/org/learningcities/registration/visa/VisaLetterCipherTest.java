package org.learningcities.registration.visa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.learningcities.registration.visa.VisaLetterCipher.Sealed;

class VisaLetterCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] PASSPORT = "{\"passportNumber\":\"G12345678\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedForTheSameRegistration() {
        VisaLetterCipher cipher = new VisaLetterCipher(KEY);

        Sealed sealed = cipher.seal(PASSPORT, "registration-1");

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("G12345678");
        assertThat(cipher.open(sealed, "registration-1")).isEqualTo(PASSPORT);
    }

    @Test
    void drawsAFreshTwelveByteNonceForEveryRecord() {
        VisaLetterCipher cipher = new VisaLetterCipher(KEY);

        Sealed first = cipher.seal(PASSPORT, "registration-1");
        Sealed second = cipher.seal(PASSPORT, "registration-1");

        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void refusesToOpenDataMovedToAnotherRegistration() {
        VisaLetterCipher cipher = new VisaLetterCipher(KEY);
        Sealed sealed = cipher.seal(PASSPORT, "registration-1");

        assertThatThrownBy(() -> cipher.open(sealed, "registration-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToOpenDataSealedWithAnotherKey() {
        Sealed sealed = new VisaLetterCipher(KEY).seal(PASSPORT, "registration-1");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> new VisaLetterCipher(Base64.getEncoder().encodeToString(otherKey))
                .open(sealed, "registration-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failsAtStartupWhenTheKeyIsNotThirtyTwoBytes() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new VisaLetterCipher(sixteenBytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registration.visa.encryption-key")
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void failsAtStartupWhenTheKeyIsNotBase64() {
        assertThatThrownBy(() -> new VisaLetterCipher("not base64 at all!"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Base64");
    }

    @Test
    void keepsPassportDataOutOfTheRequestsToString() {
        VisaLetterRequest request = new VisaLetterRequest("G12345678", "CN", java.time.LocalDate.parse("1970-05-01"),
                java.time.LocalDate.parse("2030-01-01"));

        assertThat(request.toString()).doesNotContain("G12345678", "CN", "1970", "2030");
    }
}
