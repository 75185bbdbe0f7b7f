package gov.envgov.system;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;

/** Uses the Keycloak admin API of the test platform (bootstrap admin of the dev server) to shape test tokens. */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** A real token of a demo user whose lifetime is {@code seconds}, from a test client created for that purpose. */
    static String shortLivedToken(Http http, String keycloakUrl, String user, int seconds) {
        String admin = http.token(keycloakUrl, Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin"), "master");
        String clientId = "short-lived-" + seconds;
        HttpResponse<String> created = http.send("POST", keycloakUrl + "/admin/realms/envgov/clients", admin, Map.of(
                "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", String.valueOf(seconds)),
                "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "envgov-api", "access.token.claim", "true")))));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("cannot create test client: " + created.statusCode() + created.body());
        }
        return http.token(keycloakUrl, Map.of("grant_type", "password", "client_id", clientId,
                "username", user, "password", "demo"), "envgov");
    }
}
