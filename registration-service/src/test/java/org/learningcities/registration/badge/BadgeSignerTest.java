package org.learningcities.registration.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BadgeSignerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BadgeClaims BADGE = new BadgeClaims("r-1", "iclc-2013", 1, Instant.parse("2013-10-20T08:00:00Z"));

    @Test
    void verifiesWhatItSigned() {
        BadgeSigner signer = signerWithKeyOf(32, (byte) 7);

        assertThat(signer.verify(signer.sign(BADGE))).contains(BADGE);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String foreign = signerWithKeyOf(32, (byte) 8).sign(BADGE);

        assertThat(signerWithKeyOf(32, (byte) 7).verify(foreign)).isEmpty();
    }

    @Test
    void refusesAPayloadSwappedUnderAValidSignature() {
        BadgeSigner signer = signerWithKeyOf(32, (byte) 7);
        String genuine = signer.sign(BADGE);
        String other = signer.sign(new BadgeClaims("r-2", "iclc-2013", 1, BADGE.issuedAt()));

        String swapped = other.substring(0, other.indexOf('.')) + genuine.substring(genuine.indexOf('.'));

        assertThat(signer.verify(swapped)).isEmpty();
    }

    @Test
    void refusesToStartWithAKeyShorterThan32Bytes() {
        assertThatThrownBy(() -> signerWithKeyOf(31, (byte) 7))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }

    private static BadgeSigner signerWithKeyOf(int bytes, byte fill) {
        byte[] key = new byte[bytes];
        java.util.Arrays.fill(key, fill);
        return new BadgeSigner(Base64.getEncoder().encodeToString(key), JSON);
    }
}
