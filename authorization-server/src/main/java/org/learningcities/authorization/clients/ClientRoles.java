package org.learningcities.authorization.clients;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The roles a client holds when it acts as itself (client credentials), kept in the registered client's settings. */
public final class ClientRoles {

    static final String SETTING = "platform.roles";

    private ClientRoles() {
    }

    public static List<String> of(RegisteredClient client) {
        List<String> roles = client.getClientSettings().getSetting(SETTING);
        return roles == null ? List.of() : roles;
    }
}
