package gov.envgov.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import gov.envgov.launcher.demo.DemoAccounts;
import gov.envgov.launcher.demo.DemoData;
import gov.envgov.launcher.process.Platform;

/**
 * {@code java -jar launcher/target/launcher-*-exec.jar} from the repository root: starts the whole platform, prints
 * where it is and who can sign in, and stops everything it started on Ctrl-C.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PlatformConfig config = PlatformConfig.fromEnvironment(Path.of("").toAbsolutePath());
        Platform platform = new Platform(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping EnvGov ...");
            platform.close();
            System.out.println("Stopped. Data is kept in " + config.home());
            stopped.countDown();
        }, "envgov-shutdown"));
        System.out.println("Starting EnvGov (logs in " + config.logs() + ") ...");
        Instant begin = Instant.now();
        try {
            platform.start();
            if (config.loadDemoData()) {
                platform.step("demo data (loaded on the first start)", () -> DemoData.loadIfEmpty(config));
            }
        } catch (Exception e) {
            // The message names the component that failed and shows the last lines of its log.
            System.err.println("\nEnvGov did not start: " + e.getMessage());
            System.exit(1);
        }
        Duration total = Duration.between(begin, Instant.now());
        List<String> accounts = DemoAccounts.describe(
                DemoAccounts.fromRealm(config.repository().resolve("keycloak/envgov-realm.json")));
        System.out.println(banner(config, platform, total, accounts));
        stopped.await();
    }

    static String banner(PlatformConfig config, Platform platform, Duration total, List<String> accounts) {
        StringBuilder out = new StringBuilder();
        out.append("\nEnvGov is up: healthy and routed after ").append(platform.startUpTime().toSeconds())
                .append(" s (").append(total.toSeconds()).append(" s with demo data), ")
                .append(platform.residentBytes() / (1024 * 1024)).append(" MiB resident in all processes.\n\n");
        out.append("  Portal (open this in a browser)  ").append(config.gatewayUrl()).append("/\n");
        out.append("  Gateway (the only public entry)  ").append(config.gatewayUrl()).append("  (APIs under /api)\n");
        out.append("  API descriptions (Swagger UI)    ").append(config.gatewayUrl()).append("/swagger-ui.html\n");
        out.append("  Keycloak (realm envgov)          ").append(config.keycloakUrl())
                .append("/admin  (console: admin / admin)\n");
        out.append("  Eureka registry (this machine)   http://localhost:").append(config.registryPort()).append('\n');
        out.append("\n  Demo accounts (from keycloak/envgov-realm.json), all with password '")
                .append(DemoAccounts.PASSWORD).append("':\n");
        accounts.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("\n  Open311 GeoReport v2: ").append(config.gatewayUrl()).append("/open311/v2/discovery.json")
                .append("  (demo api_key: ").append(DemoAccounts.OPEN311_KEY).append(")\n");
        out.append("\n  A token for scripts (demo client only):\n");
        out.append("    curl -s -d grant_type=password -d client_id=envgov-cli -d username=admin1 -d password=")
                .append(DemoAccounts.PASSWORD).append(" \\\n")
                .append("      ").append(config.keycloakUrl()).append("/realms/envgov/protocol/openid-connect/token\n");
        out.append("\n  Processes:\n");
        platform.processSummary().forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
