package org.learningcities.authorization.tokens;

import java.nio.file.Path;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    /** Signs tokens and is published at /oauth2/jwks (public part only). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
        RSAKey key;
        if (StringUtils.hasText(properties.location())) {
            Path file = Path.of(properties.location());
            key = SigningKeyFile.loadOrCreate(file);
            log.info("Signing tokens with key {} from {}", key.getKeyID(), file.toAbsolutePath());
        } else {
            key = SigningKeyFile.generate();
            log.warn("authorization.signing-key.location is not set: signing with an in-memory key {}; every token "
                    + "issued becomes invalid when this process stops", key.getKeyID());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
