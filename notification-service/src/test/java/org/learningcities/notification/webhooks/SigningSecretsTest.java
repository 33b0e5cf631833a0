package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SigningSecretsTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceLibraries() {
        // The test vector of the Standard Webhooks reference implementations.
        assertThat(SigningSecrets.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void generatesDistinctSecretsOf32RandomBytes() {
        var secrets = IntStream.range(0, 100).mapToObj(i -> SigningSecrets.generate()).toList();

        assertThat(secrets).doesNotHaveDuplicates().allSatisfy(secret -> {
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            assertThat(SigningSecrets.problem(secret)).isEmpty();
        });
    }

    @Test
    void acceptsSecretsOf24To64Bytes() {
        assertThat(SigningSecrets.problem(secretOf(24))).isEmpty();
        assertThat(SigningSecrets.problem(secretOf(64))).isEmpty();
        assertThat(SigningSecrets.problem(secretOf(23))).contains("must encode 24 to 64 bytes, not 23");
        assertThat(SigningSecrets.problem(secretOf(65))).contains("must encode 24 to 64 bytes, not 65");
        assertThat(SigningSecrets.problem("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).contains("must start with whsec_");
        assertThat(SigningSecrets.problem("whsec_***")).contains("must be whsec_ followed by base64");
    }

    private static String secretOf(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }
}
