package org.learningcities.authorization.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void keyWrittenByOneStartIsUsedByTheNext() throws Exception {
        Path file = directory.resolve("keys/signing-key.json");

        RSAKey first = SigningKeyFile.loadOrCreate(file);
        RSAKey second = SigningKeyFile.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void keyFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("signing-key.json");

        SigningKeyFile.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileWithoutThePrivateKeyIsRejected() throws Exception {
        Path file = directory.resolve("public-only.json");
        Files.writeString(file, SigningKeyFile.generate().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("no private key");
    }

    @Test
    void keysGeneratedInMemoryDifferEachTime() {
        assertThat(SigningKeyFile.generate().getKeyID()).isNotEqualTo(SigningKeyFile.generate().getKeyID());
    }
}
