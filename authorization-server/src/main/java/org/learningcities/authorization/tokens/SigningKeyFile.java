package org.learningcities.authorization.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs every token, kept in a file so that tokens issued before a restart stay valid and the services'
 * cached JWK sets stay right. The file holds the private key: it is created readable by its owner only.
 */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    /** Reads the key from {@code file}, or generates one and writes it there when the file does not exist yet. */
    static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        RSAKey key = generate();
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp", ownerOnly(directory));
            Files.writeString(temporary, key.toJSONString());
            // written completely before it appears under its name; if another instance was quicker, its key wins
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temporary);
                return read(file);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key to " + file, e);
        }
    }

    /** A fresh 2048-bit RS256 signing key, its id derived from the public key. */
    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey read(Path file) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException("The signing key file " + file + " holds no private key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key from " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file + " is not an RSA JWK", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
