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

    /**
     * A new enterprise user of the realm (role {@code enterprise}, password {@code demo}) acting for the enterprise
     * with the given credit code: a person whose enterprise has no history in the demo data.
     */
    static void createEnterpriseUser(Http http, String keycloakUrl, String username, String creditCode) {
        String admin = http.token(keycloakUrl, Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin"), "master");
        HttpResponse<String> created = http.send("POST", keycloakUrl + "/admin/realms/envgov/users", admin, Map.of(
                "username", username, "enabled", true, "emailVerified", true,
                "firstName", "Browser", "lastName", "Test", "email", username + "@example.invalid",
                "attributes", Map.of("enterprise_id", List.of(creditCode)),
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create " + username + ": " + created.statusCode() + created.body());
        }
        String id = created.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/", "");
        HttpResponse<String> role = http.get(keycloakUrl + "/admin/realms/envgov/roles/enterprise", admin);
        HttpResponse<String> granted = http.sendRaw("POST", keycloakUrl + "/admin/realms/envgov/users/" + id
                + "/role-mappings/realm", admin, "application/json", "[" + role.body() + "]");
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("cannot grant enterprise to " + username + ": " + granted.statusCode());
        }
    }
}
