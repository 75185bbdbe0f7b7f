package gov.envgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What the realm file that Keycloak imports grants: citizens register themselves and get the citizen role only, staff
 * accounts are made by an admin, machine accounts hold one narrow role each. Checked against the file, because the
 * file is what every deployment (launcher, k8s, a configured Keycloak) imports.
 */
class RealmAccessTest {

    private static final Path REALM = Path.of("../keycloak/envgov-realm.json");
    private static final List<String> PEOPLE = List.of("citizen", "enterprise", "hotline_operator", "complaint_handler",
            "permit_reviewer", "inspector", "legal_reviewer", "credit_officer", "admin");
    private static final List<String> SERVICES = List.of("permit-service", "complaint-service", "enforcement-service",
            "credit-service");

    private final JsonNode realm = Http.json().readTree(REALM.toFile());

    RealmAccessTest() throws IOException {
    }

    @Test
    @DisplayName("ACCESS-SELF-REGISTRATION: registration is on; a new user's default roles are the citizen role only")
    void citizensRegisterThemselvesAndGetTheCitizenRoleOnly() {
        assertThat(realm.get("registrationAllowed").asBoolean()).isTrue();
        String defaultRole = realm.get("defaultRole").get("name").asString();
        JsonNode role = realmRole(defaultRole);
        assertThat(role).as("the default role " + defaultRole + " is declared with its composites").isNotNull();
        assertThat(strings(role.get("composites").get("realm"))).containsExactly("citizen");
        assertThat(role.get("composites").has("client")).isFalse();
        // What a token of the people's clients carries: the EnvGov roles only (not Keycloak's offline_access and
        // account roles, which Keycloak adds to every realm's default role on import), and no offline tokens.
        for (String client : List.of("envgov-gateway", "envgov-cli")) {
            JsonNode found = client(client);
            assertThat(found.get("fullScopeAllowed").asBoolean()).as(client).isFalse();
            assertThat(strings(found.get("optionalClientScopes"))).as(client).isEmpty();
            assertThat(strings(found.get("defaultClientScopes"))).as(client).contains("roles")
                    .doesNotContain("offline_access");
            assertThat(scopeMapping(client)).as(client).containsExactlyInAnyOrderElementsOf(PEOPLE);
        }
    }

    @Test
    @DisplayName("ACCESS-SELF-REGISTRATION: a password policy and brute-force protection guard self-made accounts")
    void passwordPolicyAndBruteForceProtectionAreOn() {
        String policy = realm.get("passwordPolicy").asString();
        Matcher length = Pattern.compile("(?:^| and )length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).as(policy).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(policy.split(" and ")).contains("notUsername", "notEmail", "digits(1)", "lowerCase(1)",
                "upperCase(1)").anyMatch(rule -> rule.startsWith("passwordHistory("))
                .anyMatch(rule -> rule.startsWith("maxLength("));
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.get("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.get("waitIncrementSeconds").asInt()).isPositive();
        // Keycloak checks a plain password of the file against the policy and refuses the whole import if one
        // fails: a demo user's password is kept as the hash Keycloak makes of it (see DemoAccountsTest).
        for (JsonNode user : realm.get("users")) {
            for (JsonNode credential : iterable(user.get("credentials"))) {
                if (credential.has("value")) {
                    assertThat(credential.get("value").asString().length())
                            .as(user.get("username").asString() + ": a plain password shorter than the policy "
                                    + "fails the import; copy the hashed credential of another demo user")
                            .isGreaterThanOrEqualTo(Integer.parseInt(length.group(1)));
                }
            }
        }
    }

    @Test
    @DisplayName("ACCESS-SELF-REGISTRATION: a registering user cannot give itself an enterprise, district or unit")
    void aRegisteringUserCannotClaimAnAttributeThatGrantsAccess() {
        JsonNode provider = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = Http.json().readTree(provider.get("config").get("kc.user.profile.config").get(0)
                .asString());
        assertThat(profile.get("unmanagedAttributePolicy").asString()).isIn("ADMIN_VIEW", "ADMIN_EDIT");
        Map<String, List<String>> editors = new LinkedHashMap<>();
        profile.get("attributes").forEach(attribute -> editors.put(attribute.get("name").asString(),
                strings(attribute.get("permissions").get("edit"))));
        for (String claim : List.of("enterprise_id", "district", "department")) {
            assertThat(editors.get(claim)).as(claim).containsExactly("admin");
        }
    }

    @Test
    @DisplayName("ACCESS-CLIENT-LEAST: the monitoring system holds monitoring_sender only; the feed role only the "
            + "services' own accounts")
    void eachMachineAccountHoldsOneNarrowRole() {
        Map<String, List<String>> machines = new LinkedHashMap<>();
        for (JsonNode user : realm.get("users")) {
            List<String> roles = strings(user.get("realmRoles"));
            if (user.has("serviceAccountClientId")) {
                machines.put(user.get("serviceAccountClientId").asString(), roles);
            } else {
                assertThat(roles).as(user.get("username").asString()).doesNotContain("service", "monitoring_sender");
            }
        }
        assertThat(machines.get("monitoring-system")).containsExactly("monitoring_sender");
        for (String service : SERVICES) {
            assertThat(machines.get(service)).as(service).containsExactly("service");
        }
        assertThat(machines).containsOnlyKeys(concat(SERVICES, "monitoring-system"));
    }

    private JsonNode realmRole(String name) {
        for (JsonNode role : realm.get("roles").get("realm")) {
            if (role.get("name").asString().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private List<String> scopeMapping(String clientId) {
        for (JsonNode mapping : iterable(realm.get("scopeMappings"))) {
            if (mapping.has("client") && mapping.get("client").asString().equals(clientId)) {
                return strings(mapping.get("roles"));
            }
        }
        return List.of();
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        if (array != null) {
            array.forEach(nodes::add);
        }
        return nodes;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        iterable(array).forEach(node -> values.add(node.asString()));
        return values;
    }
}
