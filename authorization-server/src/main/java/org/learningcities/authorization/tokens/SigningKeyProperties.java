package org.learningcities.authorization.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location a file holding the RSA signing key as a private JWK (JSON); created on first start when missing.
 *     Empty means a key in memory only.
 */
@ConfigurationProperties("authorization.signing-key")
record SigningKeyProperties(String location) {
}
