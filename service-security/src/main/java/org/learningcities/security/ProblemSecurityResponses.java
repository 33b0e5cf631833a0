package org.learningcities.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json like every other error of the platform. The {@code WWW-Authenticate} header
 * follows RFC 6750; the body says what to do without echoing token contents or parser messages.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerChallenge.commence(request, response, failure);
        boolean tokenPresented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", tokenPresented
                ? "The access token was rejected: it is expired, malformed, not signed by the platform's"
                        + " authorization server, or not issued for this API."
                : "This request needs an access token: send Authorization: Bearer <token>.", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your account may not do this, or not on this record.", request);
    }

    private static void write(HttpServletResponse response, int status, String title, String detail,
                              HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
