package org.learningcities.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running authorization server like a browser plus a front end would: real HTTP, a cookie jar for the
 * login session, redirects followed by hand so the code can be read from the redirect to the front end.
 */
final class AuthorizationServerClient {

    static final String WEB_CLIENT = "learning-cities-web";
    static final String REDIRECT_URI = "http://127.0.0.1:8400/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    AuthorizationServerClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The PKCE verifier and the code the authorization endpoint redirected with, if it did. */
    record CodeResult(String verifier, Optional<String> code, String lastLocation) {
    }

    /** Authorization request, login form, back to the authorization endpoint: the code in the final redirect. */
    CodeResult authorize(String username, String password) {
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String query = form(Map.of(
                "response_type", "code",
                "client_id", WEB_CLIENT,
                "redirect_uri", REDIRECT_URI,
                "scope", "openid profile email",
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = send(browser(baseUrl + "/oauth2/authorize?" + query).GET());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String loginPage = send(browser(location(toLogin)).GET()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find()).as("login form with a CSRF token").isTrue();

        HttpResponse<String> afterLogin = send(browser(baseUrl + "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))))));
        String location = location(afterLogin);
        if (location.contains("/login?error")) {
            return new CodeResult(verifier, Optional.empty(), location);
        }
        String redirect = location(send(browser(location).GET()));
        Optional<String> code = redirect.startsWith(REDIRECT_URI + "?") && redirect.contains("state=" + state)
                ? queryParameter(redirect, "code")
                : Optional.empty();
        return new CodeResult(verifier, code, redirect);
    }

    HttpResponse<String> exchangeCode(String code, String verifier) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("client_id", WEB_CLIENT);
        if (verifier != null) {
            parameters.put("code_verifier", verifier);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
    }

    /** A user's access token through the whole authorization code + PKCE flow. */
    JsonNode tokensFor(String username) {
        CodeResult result = authorize(username, username);
        assertThat(result.code()).as("code for " + username + ", last redirect " + result.lastLocation()).isPresent();
        HttpResponse<String> tokens = exchangeCode(result.code().orElseThrow(), result.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    HttpResponse<String> clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims, after checking its RS256 signature against the server's published JWK set. */
    JWTClaimsSet verifiedClaims(String token) {
        try {
            JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("signing key published at /oauth2/jwks").isNotNull();
            assertThat(key.isPrivate()).as("JWK set publishes the public key only").isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            return jwt.getJWTClaimsSet();
        } catch (java.text.ParseException | JOSEException e) {
            throw new AssertionError("not a verifiable JWT: " + token, e);
        }
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static HttpRequest.Builder browser(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
    }

    private static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("redirect from " + response.uri()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Optional<String> queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
