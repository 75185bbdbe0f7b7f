package gov.envgov.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.launcher.Http;
import tools.jackson.databind.JsonNode;

/** The realm file is the one list of demo accounts: the README, the banner and the demo data agree with it. */
class DemoAccountsTest {

    private static final Path REALM = Path.of("../keycloak/envgov-realm.json");
    private static final Pattern README_ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([a-z_]+) \\| ([^|]*)\\|$");
    private static final Pattern README_USER = Pattern.compile("`([^`]+)`");

    private final List<DemoAccounts.Account> accounts = DemoAccounts.fromRealm(REALM);

    DemoAccountsTest() throws IOException {
    }

    @Test
    void theReadmeListsEveryDemoAccountWithItsRoleAndNoOther() throws IOException {
        Map<String, String> readme = new TreeMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            Matcher row = README_ROW.matcher(line);
            if (row.matches()) {
                Matcher user = README_USER.matcher(row.group(1));
                while (user.find()) {
                    readme.put(user.group(1), row.group(2));
                    notes.put(user.group(1), row.group(3));
                }
            }
        }
        Map<String, String> realm = new TreeMap<>();
        accounts.forEach(account -> realm.put(account.username(), String.join(", ", account.roles())));
        assertThat(readme).isEqualTo(realm);
        for (DemoAccounts.Account account : accounts) {
            String enterprise = account.attributes().get("enterprise_id");
            if (enterprise != null) {
                assertThat(notes.get(account.username())).as(account.username()).contains(enterprise);
            }
        }
    }

    @Test
    void everyDemoAccountHasTheDemoPasswordAndServiceAccountsAreLeftOut() throws IOException {
        JsonNode realm = Http.json().readTree(REALM.toFile());
        int people = 0;
        for (JsonNode user : realm.get("users")) {
            if (!user.has("serviceAccountClientId")) {
                people++;
                assertThat(isDemoPassword(user.get("credentials").get(0)))
                        .as(user.get("username").asString()).isTrue();
            }
        }
        assertThat(accounts).hasSize(people).extracting(DemoAccounts.Account::username)
                .doesNotContain("service-account-permit-service").contains("citizen1", "admin1");
    }

    /**
     * The realm keeps a password either as given or hashed (a password policy applies to imported plain passwords,
     * so the demo's short one is kept as Keycloak's own PBKDF2 hash of it): either way it is the demo password.
     */
    private static boolean isDemoPassword(JsonNode credential) {
        if (credential.has("value")) {
            return DemoAccounts.PASSWORD.equals(credential.get("value").asString());
        }
        JsonNode secret = Http.json().readTree(credential.get("secretData").asString());
        JsonNode data = Http.json().readTree(credential.get("credentialData").asString());
        assertThat(data.get("algorithm").asString()).isEqualTo("pbkdf2-sha512");
        byte[] salt = Base64.getDecoder().decode(secret.get("salt").asString());
        byte[] expected = Base64.getDecoder().decode(secret.get("value").asString());
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(new PBEKeySpec(
                    DemoAccounts.PASSWORD.toCharArray(), salt, data.get("hashIterations").asInt(),
                    expected.length * 8)).getEncoded();
            return MessageDigest.isEqual(derived, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoEnterpriseUsersOwnTheDemoDataEnterprises() {
        Map<String, String> enterpriseOf = new TreeMap<>();
        accounts.forEach(account -> {
            if (account.attributes().containsKey("enterprise_id")) {
                enterpriseOf.put(account.username(), account.attributes().get("enterprise_id"));
            }
        });
        // agency-a acts for the monitoring agency the credit demo registers and lists.
        assertThat(enterpriseOf).containsExactlyEntriesOf(new TreeMap<>(Map.of("ent-a", DemoData.ENTERPRISE_A,
                "ent-b", DemoData.ENTERPRISE_B, "ent-c", DemoData.ENTERPRISE_C, "ent-d", DemoData.ENTERPRISE_D,
                "agency-a", DemoCredit.AGENCY)));
    }

    @Test
    @DisplayName("DEMO-FREE-TO-APPLY: ent-d signs in for the enterprise that is free to apply, and the README says so")
    void oneDemoEnterpriseAccountIsFreeToApplyAndTheReadmeSaysSo() throws IOException {
        assertThat(accounts).filteredOn(account -> DemoData.ENTERPRISE_D.equals(
                account.attributes().get("enterprise_id"))).singleElement().satisfies(account -> {
                    assertThat(account.username()).isEqualTo("ent-d");
                    assertThat(account.roles()).containsExactly("enterprise");
                });
        String row = Files.readAllLines(Path.of("../README.md")).stream()
                .filter(line -> line.startsWith("| `ent-d` |")).findFirst().orElseThrow();
        assertThat(row).contains(DemoData.ENTERPRISE_D).contains("free to apply");
    }

    @Test
    void theBannerNamesEachAccountWithItsRoleAndWhatItActsFor() {
        List<String> lines = DemoAccounts.describe(accounts);
        assertThat(lines).hasSize(accounts.size());
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ent-a").contains("enterprise")
                .contains(DemoData.ENTERPRISE_A));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("handler-xlt")
                .contains("complaint_handler").contains("兴隆台区"));
    }
}
