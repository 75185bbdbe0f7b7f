package gov.envgov.launcher.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;
import tools.jackson.databind.JsonNode;

/**
 * The demo accounts, read from the realm file that Keycloak imports ({@code keycloak/envgov-realm.json}): the realm
 * is the one list of who can sign in; the launcher's banner is derived from it and a test holds the README to it.
 * Service accounts (clients' technical users) are not demo accounts.
 */
public final class DemoAccounts {

    /** The password every demo user has in the realm file. */
    public static final String PASSWORD = "demo";
    /** The API key of the demo Open311 client application that the demo data registers. */
    public static final String OPEN311_KEY = "envgov-demo-open311-key";

    /** One person who can sign in: username, realm roles, and the attributes the tokens carry. */
    public record Account(String username, List<String> roles, Map<String, String> attributes) {
    }

    private DemoAccounts() {
    }

    public static List<Account> fromRealm(Path realmFile) throws IOException {
        JsonNode realm = Http.json().readTree(realmFile.toFile());
        List<Account> accounts = new ArrayList<>();
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            user.get("realmRoles").forEach(role -> roles.add(role.asString()));
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode given = user.get("attributes");
            if (given != null) {
                given.properties().forEach(entry -> attributes.put(entry.getKey(), entry.getValue().get(0).asString()));
            }
            accounts.add(new Account(user.get("username").asString(), List.copyOf(roles), attributes));
        }
        return List.copyOf(accounts);
    }

    /** One line per account for the banner: who, which roles, and the district, unit or enterprise it acts for. */
    public static List<String> describe(List<Account> accounts) {
        List<String> lines = new ArrayList<>();
        for (Account account : accounts) {
            StringBuilder line = new StringBuilder(String.format("%-14s %-18s", account.username(),
                    String.join(", ", account.roles())));
            for (String attribute : List.of("enterprise_id", "district", "department")) {
                String value = account.attributes().get(attribute);
                if (value != null) {
                    line.append(' ').append(value);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
