package org.learningcities.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.json.JsonMapper;

/** Partners read the event contract from the gateway: the AsyncAPI document and every schema it references. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerDocsTest extends GatewayWithStandIns {

    private static final Pattern FILE_REFERENCE = Pattern.compile("\\$ref:\\s*'(schemas/[^'#]+)'");

    @Test
    void servesTheAsyncApiDocumentPubliclyAndCacheably() throws Exception {
        HttpResponse<String> document = GatewayUnderTest.get(port, "/asyncapi.yaml");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/yaml"));
        assertThat(document.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
        assertThat(document.body()).startsWith("asyncapi: 3.0.0");
    }

    @Test
    void resolvesEverySchemaTheAsyncApiDocumentReferences() throws Exception {
        String document = GatewayUnderTest.get(port, "/asyncapi.yaml").body();
        Matcher references = FILE_REFERENCE.matcher(document);
        List<String> schemas = references.results().map(match -> match.group(1)).distinct().toList();

        assertThat(schemas).hasSizeGreaterThan(10);
        for (String schema : schemas) {
            HttpResponse<String> response = GatewayUnderTest.get(port, "/" + schema);
            assertThat(response.statusCode()).as(schema).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(JsonMapper.builder().build().readTree(response.body()).has("$schema")).as(schema).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schemas/unknown.schema.json", "/schemas/application.yml", "/schemas/asyncapi.yaml"})
    void answersNotFoundForAnythingButASchema(String path) throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
