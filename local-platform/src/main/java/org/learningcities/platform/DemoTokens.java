package org.learningcities.platform;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the platform's running authorization server, got the way front ends and partners get them:
 * the authorization-code flow with PKCE and the demo user's login form, or client credentials. Cached per account,
 * as a front end keeps its token for its lifetime. Used by the end-to-end tests and the performance harness.
 */
public final class DemoTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB_CLIENT = "learning-cities-web";
    private static final String REDIRECT_URI = "http://127.0.0.1:8400/callback";
    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final URI authorizationServer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public DemoTokens(URI authorizationServer) {
        this.authorizationServer = authorizationServer;
    }

    /** {@code Bearer <token>} of a demo user (their password is their user name). */
    public String bearerOf(String username) {
        return "Bearer " + tokens.computeIfAbsent("user:" + username, key -> signIn(username, username));
    }

    /** {@code Bearer <token>} of a confidential client, through the client-credentials grant. */
    public String bearerOfClient(String clientId, String secret) {
        return "Bearer " + tokens.computeIfAbsent("client:" + clientId, key -> clientCredentials(clientId, secret));
    }

    private String signIn(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(8);
        URI authorize = authorizationServer.resolve("/oauth2/authorize?" + form(Map.of(
                "response_type", "code", "client_id", WEB_CLIENT, "redirect_uri", REDIRECT_URI,
                "scope", "openid profile email", "state", state,
                "code_challenge", challengeOf(verifier), "code_challenge_method", "S256")));
        // A browser asks for HTML; only then does the server answer with its login page rather than a 401.
        HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(authorize).header("Accept", "text/html")
                .GET().build());
        URI loginPage = locationOf(toLogin, authorize);
        String page = send(browser, HttpRequest.newBuilder(loginPage).header("Accept", "text/html").GET().build())
                .body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token in the login page: " + page);
        }
        String csrfToken = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> loggedIn = send(browser, HttpRequest.newBuilder(loginPage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username, "password", password, "_csrf", csrfToken))))
                .build());
        URI next = locationOf(loggedIn, loginPage);
        String code = null;
        for (int hop = 0; hop < 5 && code == null; hop++) {
            if (next.toString().startsWith(REDIRECT_URI)) {
                code = queryParameter(next, "code");
            } else {
                next = locationOf(send(browser, HttpRequest.newBuilder(next).header("Accept", "text/html").GET()
                        .build()), next);
            }
        }
        if (code == null) {
            throw new IllegalStateException("The login of " + username + " did not end at the redirect URI: " + next);
        }
        HttpResponse<String> token = send(browser, HttpRequest.newBuilder(authorizationServer.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                        "client_id", WEB_CLIENT, "code_verifier", verifier))))
                .build());
        return accessTokenIn(token);
    }

    private String clientCredentials(String clientId, String secret) {
        HttpClient client = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return accessTokenIn(send(client, HttpRequest.newBuilder(authorizationServer.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build()));
    }

    private static String accessTokenIn(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Not a token response: " + response.body(), e);
        }
    }

    private static URI locationOf(HttpResponse<String> response, URI base) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Expected a redirect from " + base + ", got " + response.statusCode() + ": " + response.body()));
        return base.resolve(location);
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach the authorization server at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
