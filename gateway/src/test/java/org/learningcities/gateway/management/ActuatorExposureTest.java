package org.learningcities.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * On the public port only the health status answers; metrics and every other actuator endpoint live on the
 * management port, and no path, however dressed up, reaches a service's actuator through an API route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorExposureTest extends GatewayWithStandIns {

    @LocalManagementPort
    private int managementPort;

    @ParameterizedTest
    @ValueSource(strings = {
            "/actuator",
            "/actuator/env",
            "/actuator/prometheus",
            "/actuator/health/diskSpace",
            "/actuator/configprops",
            "/actuator/heapdump",
            "/api/../actuator/env",
            "/api/%2e%2e/actuator/env",
            "/api/conferences/../../actuator/env",
            "/api/notifications/../../actuator/env",
            "/api/notifications/%2e%2e/%2e%2e/actuator/env",
            "/api/notifications/%2E%2E/%2E%2E/actuator/prometheus",
            "/api/notifications/..%2f..%2factuator/env",
            "/api/notifications/..;/..;/actuator/env",
            "/api/notifications;/../../actuator/env",
            "/api/interpreters/%252e%252e/%252e%252e/actuator/env",
            "/api/registrations//../../actuator/heapdump",
            "/v3/api-docs/agenda-service/../../../actuator/env"})
    void answersNotFoundForActuatorPathsOnThePublicPort(String path) throws Exception {
        int before = totalRequestsReceivedByServices();

        String answer = rawGet(path);

        assertThat(answer).startsWith("HTTP/1.1 404");
        assertThat(answer).doesNotContain(EchoingService.SERVED_BY);
        assertThat(totalRequestsReceivedByServices()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/livez", "/readyz", "/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness"})
    void answersTheHealthStatusAloneOnThePublicPort(String path) throws Exception {
        HttpResponse<String> health = GatewayUnderTest.get(port, path);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void servesPrometheusMetricsAndHealthOnTheManagementPort() throws Exception {
        HttpResponse<String> metrics = GatewayUnderTest.get(managementPort, "/actuator/prometheus");
        HttpResponse<String> readiness = GatewayUnderTest.get(managementPort, "/actuator/health/readiness");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(readiness.statusCode()).isEqualTo(200);
    }

    private static int totalRequestsReceivedByServices() {
        return allStandIns().stream().mapToInt(EchoingService::requestsReceived).sum();
    }

    /**
     * Sends the path exactly as written: an HTTP client library would normalize the dots away, which is exactly
     * what an attacker's client does not do.
     */
    private String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
