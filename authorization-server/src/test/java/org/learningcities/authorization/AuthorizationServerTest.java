package org.learningcities.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.auth.issuer-uri=" + AuthorizationServerTest.ISSUER)
class AuthorizationServerTest {

    /** Not the address the test talks to: the issuer comes from configuration, never from the request's host. */
    static final String ISSUER = "http://auth.learningcities.test:9000";

    @LocalServerPort
    int port;

    AuthorizationServerClient server;

    @BeforeEach
    void connect() {
        server = new AuthorizationServerClient(port);
    }

    @Test
    void delegateLoggingInWithCodeAndPkceGetsASignedTokenForThePlatformApi() throws Exception {
        JsonNode tokens = server.tokensFor("delegate");

        JWTClaimsSet claims = server.verifiedClaims(tokens.get("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("delegate");
        assertThat(claims.getStringListClaim("roles")).containsExactly("DELEGATE");
        assertThat(claims.getStringClaim("email")).isEqualTo("delegate@learningcities.example");
        assertThat(claims.getStringClaim("name")).isEqualTo("Demo Delegate");
        assertThat(claims.getAudience()).containsExactly("learning-cities-api");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(SignedJWT.parse(tokens.get("access_token").asString()).getHeader().getAlgorithm().getName())
                .isEqualTo("RS256");
        Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertThat(lifetime).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void idTokenNamesThePersonAndIsAddressedToTheFrontEnd() {
        JsonNode tokens = server.tokensFor("coordinator");

        JWTClaimsSet idToken = server.verifiedClaims(tokens.get("id_token").asString());
        assertThat(idToken.getSubject()).isEqualTo("coordinator");
        assertThat(idToken.getAudience()).containsExactly(AuthorizationServerClient.WEB_CLIENT);
        assertThat(idToken.getClaim("email")).isEqualTo("coordinator@learningcities.example");
        assertThat(idToken.getClaim("name")).isEqualTo("Demo Interpretation Coordinator");
        assertThat(idToken.getClaim("roles")).isEqualTo(List.of("INTERPRETATION_COORDINATOR"));
        // public clients get no refresh token: they repeat the authorization request (see docs/authentication.md)
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void userInfoNamesThePersonBehindAnAccessToken() {
        String accessToken = server.tokensFor("focal-point").get("access_token").asString();

        HttpResponse<String> userInfo = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken));

        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode claims = AuthorizationServerClient.json(userInfo.body());
        assertThat(claims.get("sub").asString()).isEqualTo("focal-point");
        assertThat(claims.get("email").asString()).isEqualTo("focal-point@learningcities.example");
        assertThat(claims.get("name").asString()).isEqualTo("Demo Focal Point");
    }

    @Test
    void everyDemoUserGetsTheirRole() throws Exception {
        List<List<String>> expectations = List.of(
                List.of("delegate2", "DELEGATE"),
                List.of("focal-point", "FOCAL_POINT"),
                List.of("focal-point2", "FOCAL_POINT"),
                List.of("secretariat", "SECRETARIAT"),
                List.of("visa-desk", "VISA_DESK"),
                List.of("interpreter", "INTERPRETER"),
                List.of("interpreter2", "INTERPRETER"),
                List.of("operations", "OPERATIONS"));
        for (List<String> expected : expectations) {
            AuthorizationServerClient freshBrowser = new AuthorizationServerClient(port);
            JWTClaimsSet claims = freshBrowser.verifiedClaims(
                    freshBrowser.tokensFor(expected.get(0)).get("access_token").asString());
            assertThat(claims.getSubject()).isEqualTo(expected.get(0));
            assertThat(claims.getStringListClaim("roles")).as(expected.get(0)).containsExactly(expected.get(1));
        }
    }

    @Test
    void codeCannotBeExchangedWithoutThePkceVerifier() {
        AuthorizationServerClient.CodeResult result = server.authorize("delegate", "delegate");
        assertThat(result.code()).isPresent();

        HttpResponse<String> exchange = server.exchangeCode(result.code().orElseThrow(), null);

        assertThat(exchange.statusCode()).isEqualTo(400);
        assertThat(exchange.body()).doesNotContain("access_token");
    }

    @Test
    void wrongPasswordYieldsNoCode() {
        AuthorizationServerClient.CodeResult result = server.authorize("delegate", "not-the-password");

        assertThat(result.code()).isEmpty();
        assertThat(result.lastLocation()).contains("/login?error");
    }

    @ParameterizedTest
    @CsvSource({"partner-demo, partner-demo-secret", "partner-demo-2, partner-demo-2-secret"})
    void partnerClientCredentialsTokenCarriesThePartnerRoleAndTheClientAsSubject(String client, String secret)
            throws Exception {
        HttpResponse<String> response = server.clientCredentials(client, secret);

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = server.verifiedClaims(AuthorizationServerClient.json(response.body())
                .get("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo(client);
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
        assertThat(claims.getAudience()).containsExactly("learning-cities-api");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
    }

    @Test
    void secretariatToolsActAsSecretariatAndInterpretationCoordinator() throws Exception {
        HttpResponse<String> response = server.clientCredentials("secretariat-tools", "secretariat-tools-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = server.verifiedClaims(AuthorizationServerClient.json(response.body())
                .get("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("secretariat-tools");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SECRETARIAT", "INTERPRETATION_COORDINATOR");
    }

    @Test
    void confidentialClientWithAWrongSecretIsRefusedWith401() {
        HttpResponse<String> response = server.clientCredentials("partner-demo", "guessed-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void publicClientCannotGetATokenWithoutAUser() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + AuthorizationServerClient.WEB_CLIENT)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void discoveryDocumentNamesTheConfiguredIssuerAndItsKeys() {
        HttpResponse<String> response = server.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = AuthorizationServerClient.json(response.body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
    }

    @Test
    void browserFrontEndMayCallTheTokenEndpointCrossOrigin() {
        HttpResponse<String> allowed = server.send(preflight("http://localhost:3000"));
        HttpResponse<String> foreign = server.send(preflight("https://attacker.example"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void probesAreOpenButOtherActuatorEndpointsAreNot() {
        assertThat(server.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/health/liveness").body()).contains("UP");
        assertThat(server.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(server.get("/actuator/beans").statusCode()).isNotEqualTo(200);
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth2/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
    }
}
