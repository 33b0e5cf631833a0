package org.learningcities.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** bin/token, the documented way to get a token for each demo role, run against a real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BinTokenScriptTest {

    /** Tests run in the module directory; the script lives in the repository's bin/. */
    private static final Path SCRIPT = Path.of("..", "bin", "token");

    @LocalServerPort
    int port;

    record Run(int exitCode, String stdout, String stderr) {
    }

    @Test
    void printsOnlyAVerifiableAccessTokenForADemoUser() throws Exception {
        Run run = token("secretariat");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String token = run.stdout().strip();
        assertThat(token.lines()).hasSize(1);
        JWTClaimsSet claims = new AuthorizationServerClient(port).verifiedClaims(token);
        assertThat(claims.getSubject()).isEqualTo("secretariat");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SECRETARIAT");
        assertThat(claims.getAudience()).containsExactly("learning-cities-api");
    }

    @Test
    void getsAPartnerTokenWithClientCredentials() throws Exception {
        Run run = token("--client", "partner-demo", "partner-demo-secret");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JWTClaimsSet claims = new AuthorizationServerClient(port).verifiedClaims(run.stdout().strip());
        assertThat(claims.getSubject()).isEqualTo("partner-demo");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
    }

    @Test
    void saysSoWhenThePasswordIsWrong() throws Exception {
        Run run = token("delegate", "wrong-password");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("wrong user name or password");
    }

    @Test
    void saysSoWhenAClientSecretIsWrong() throws Exception {
        Run run = token("--client", "partner-demo", "wrong-secret");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("wrong secret");
    }

    @Test
    void saysSoWhenTheServerIsDown() throws Exception {
        Run run = tokenAgainst("http://127.0.0.1:1", "delegate");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("does not answer");
    }

    private Run token(String... arguments) throws Exception {
        return tokenAgainst("http://localhost:" + port, arguments);
    }

    private static Run tokenAgainst(String authUrl, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile("token", ".out");
        Path stderr = Files.createTempFile("token", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("AUTH_URL", authUrl);
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/token finished").isTrue();
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
