package org.learningcities.registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.learningcities.web.Problems;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies that set a field their type declares {@link ServerOwnedFields server-owned}. Runs before
 * the body is converted, because conversion drops fields the request type does not have.
 */
@ControllerAdvice
class ServerOwnedFieldsAdvice extends RequestBodyAdviceAdapter {

    private static final String MESSAGE = "is set by the server and cannot be set by clients";

    private final JsonMapper json;

    ServerOwnedFieldsAdvice(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return serverOwned(targetType) != null;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        Set<String> serverOwned = Set.of(serverOwned(targetType).value());
        List<String> refused = fieldsOf(body).stream().filter(serverOwned::contains).sorted().toList();
        if (!refused.isEmpty()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", refused.stream()
                            .map(field -> field + " " + MESSAGE).collect(Collectors.joining("; ")),
                    Map.of("errors", refused.stream()
                            .map(field -> Map.of("field", field, "message", MESSAGE))
                            .toList()));
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** Top-level field names; none for a body that is not a JSON object, which the converter then answers. */
    private List<String> fieldsOf(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree != null && tree.isObject() ? List.copyOf(tree.propertyNames()) : List.of();
        } catch (JacksonException unreadable) {
            return List.of();
        }
    }

    private static ServerOwnedFields serverOwned(Type targetType) {
        Class<?> type = ResolvableType.forType(targetType).resolve();
        return type == null ? null : type.getAnnotation(ServerOwnedFields.class);
    }
}
