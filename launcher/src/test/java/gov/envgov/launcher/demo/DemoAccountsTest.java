package gov.envgov.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                assertThat(user.get("credentials").get(0).get("value").asString()).isEqualTo(DemoAccounts.PASSWORD);
            }
        }
        assertThat(accounts).hasSize(people).extracting(DemoAccounts.Account::username)
                .doesNotContain("service-account-permit-service").contains("citizen1", "admin1");
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
                "ent-b", DemoData.ENTERPRISE_B, "ent-c", DemoData.ENTERPRISE_C, "agency-a", DemoCredit.AGENCY)));
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
