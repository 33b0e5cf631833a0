package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSenderTest {

    private static final String SECRET = SigningSecrets.generate();
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final TestReceiver receiver = TestReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void checksTheAddressAgainAtEveryDelivery() {
        // As after DNS rebinding: a URL accepted earlier that now leads to a refused address.
        WebhookSender production = sender();

        assertThatThrownBy(() -> production.post(receiver.url(), "msg-refused", SECRET, "{}"))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("a loopback address");
        assertThat(receiver.requestsFor("msg-refused")).isEmpty();
    }

    @Test
    void connectsToTheCheckedAddressAndNamesTheUrlsHostInTheHostHeader() throws Exception {
        WebhookSender local = sender("127.0.0.0/8", "::1/128");
        String port = receiver.url().replaceFirst("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");

        int status = local.post("http://localhost:" + port + "/hooks/learning-cities?portal=beijing", "msg-host",
                SECRET, "{\"a\": 1}");

        assertThat(status).isEqualTo(204);
        TestReceiver.Received request = receiver.requestsFor("msg-host").getFirst();
        assertThat(request.header("host")).isEqualTo("localhost:" + port);
        assertThat(request.uri()).isEqualTo("/hooks/learning-cities?portal=beijing");
        assertThat(request.body()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void reportsThePartnersStatusWithoutFollowingIt() throws Exception {
        WebhookSender local = sender("127.0.0.1/32");
        receiver.answer("msg-redirect", 307);

        assertThat(local.post(receiver.url(), "msg-redirect", SECRET, "{}")).isEqualTo(307);
        assertThat(receiver.requestsFor("msg-redirect")).hasSize(1);
    }

    @Test
    void verifiesThePartnersCertificateAgainstTheUrlsHostThoughItConnectsToTheAddress(@TempDir Path directory)
            throws Exception {
        KeyStore localhost = selfSignedCertificateFor("localhost", directory);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(localhost, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        List<String> hosts = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(localhost);
            WebhookSender local = new WebhookSender(new AddressPolicy(settings("127.0.0.0/8", "::1/128")),
                    settings("127.0.0.0/8", "::1/128"), () -> {
                        try {
                            SSLContext context = SSLContext.getInstance("TLS");
                            context.init(null, trust.getTrustManagers(), null);
                            return context;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            int port = server.getAddress().getPort();

            assertThat(local.post("https://localhost:" + port + "/hooks", "msg-tls", SECRET, "{}")).isEqualTo(204);
            assertThat(hosts).containsExactly("localhost:" + port);
            // The same server and certificate, named by its address, which the certificate does not name.
            assertThatThrownBy(() -> local.post("https://127.0.0.1:" + port + "/hooks", "msg-tls", SECRET, "{}"))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(hosts).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    /** A key store holding a key and a self-signed certificate naming this host, made by the JDK's keytool. */
    private static KeyStore selfSignedCertificateFor(String host, Path directory) throws Exception {
        Path file = directory.resolve(host + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", host, "-keyalg", "EC", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static WebhookSender sender(String... allowedNetworks) {
        WebhookProperties settings = settings(allowedNetworks);
        return new WebhookSender(new AddressPolicy(settings), settings);
    }

    private static WebhookProperties settings(String... allowedNetworks) {
        return new WebhookProperties(List.of(Duration.ZERO), List.of(allowedNetworks), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 4);
    }
}
