package gov.envgov.system;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;
import tools.jackson.databind.JsonNode;

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
     * with the given credit code: a person whose enterprise has no history in the demo data. Made as an admin makes
     * a staff or enterprise account (ACCESS-SELF-REGISTRATION): its role granted, the citizens' default role taken
     * away; the password is the demo users' hashed one from the realm file, since the realm's policy refuses "demo".
     */
    static void createEnterpriseUser(Http http, String keycloakUrl, String username, String creditCode) {
        String admin = http.token(keycloakUrl, Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin"), "master");
        HttpResponse<String> created = http.send("POST", keycloakUrl + "/admin/realms/envgov/users", admin, Map.of(
                "username", username, "enabled", true, "emailVerified", true,
                "firstName", "Browser", "lastName", "Test", "email", username + "@example.invalid",
                "attributes", Map.of("enterprise_id", List.of(creditCode)),
                "credentials", List.of(demoCredential())));
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
        HttpResponse<String> defaults = http.get(keycloakUrl + "/admin/realms/envgov/roles/default-roles-envgov",
                admin);
        HttpResponse<String> removed = http.sendRaw("DELETE", keycloakUrl + "/admin/realms/envgov/users/" + id
                + "/role-mappings/realm", admin, "application/json", "[" + defaults.body() + "]");
        if (removed.statusCode() != 204) {
            throw new IllegalStateException("cannot remove the default role of " + username + ": "
                    + removed.statusCode());
        }
    }

    /** The demo users' password credential as the realm file keeps it (Keycloak's hash of {@code demo}). */
    private static Object demoCredential() {
        try {
            JsonNode realm = Http.json().readTree(Path.of("../keycloak/envgov-realm.json").toFile());
            for (JsonNode user : realm.get("users")) {
                if (!user.has("serviceAccountClientId")) {
                    return Http.json().treeToValue(user.get("credentials").get(0), Map.class);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the demo credential of the realm file", e);
        }
        throw new IllegalStateException("the realm file has no demo user");
    }
}
