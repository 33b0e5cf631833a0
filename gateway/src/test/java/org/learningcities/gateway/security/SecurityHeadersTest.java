package org.learningcities.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.springframework.boot.test.context.SpringBootTest;

/** Every answer carries the security headers, and none names the software behind the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest extends GatewayWithStandIns {

    @Test
    void marksApiAnswersNotToBeStoredAndNotToBeSniffed() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/api/registrations/reg-42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cacheControl ->
                assertThat(cacheControl).contains("no-store"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void keepsTheCachingAServiceChoseForItsAnswer() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/api/conferences/iclc-2013/agenda.ics",
                EchoingService.ANSWER_CACHE_CONTROL, "public, max-age=300");

        assertThat(response.headers().allValues("Cache-Control")).containsExactly("public, max-age=300");
    }

    @Test
    void dropsTheHeadersNamingTheServicesSoftware() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/api/conferences");

        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue("agenda-service");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void sendsTheSecurityHeadersOnTheGatewaysOwnErrorsToo() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/api/unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
