package gov.envgov.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

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
        } catch (Exception e) {
            System.err.println("EnvGov did not start: " + e.getMessage());
            System.exit(1);
        }
        Duration total = Duration.between(begin, Instant.now());
        System.out.println(banner(config, platform, total));
        stopped.await();
    }

    static String banner(PlatformConfig config, Platform platform, Duration total) {
        StringBuilder out = new StringBuilder();
        out.append("\nEnvGov is up: healthy and routed after ").append(platform.startUpTime().toSeconds())
                .append(" s (").append(total.toSeconds()).append(" s with demo data), ")
                .append(platform.residentBytes() / (1024 * 1024)).append(" MiB resident in all processes.\n\n");
        out.append("  Gateway (the only public entry)  ").append(config.gatewayUrl()).append('\n');
        out.append("  API descriptions (Swagger UI)    ").append(config.gatewayUrl()).append("/swagger-ui.html\n");
        out.append("  Keycloak (realm envgov)          ").append(config.keycloakUrl())
                .append("/admin  (console: admin / admin)\n");
        out.append("  Eureka registry                  http://localhost:").append(config.registryPort()).append('\n');
        out.append("\n  Demo accounts, all with password 'demo':\n");
        out.append("    citizen1, citizen2          citizen\n");
        out.append("    operator1                   hotline_operator\n");
        out.append("    handler-xlt, handler-dw     complaint_handler (兴隆台区, 大洼区)\n");
        out.append("    ent-a, ent-b, ent-c         enterprise (").append(DemoData.ENTERPRISE_A).append(", ")
                .append(DemoData.ENTERPRISE_B).append(", ").append(DemoData.ENTERPRISE_C).append(")\n");
        out.append("    reviewer1                   permit_reviewer\n");
        out.append("    inspector1..3               inspector\n");
        out.append("    legal1                      legal_reviewer\n");
        out.append("    credit1                     credit_officer\n");
        out.append("    admin1                      admin\n");
        out.append("\n  Open311 GeoReport v2: ").append(config.gatewayUrl()).append("/open311/v2/discovery.json")
                .append("  (demo api_key: ").append(DemoComplaints.OPEN311_KEY).append(")\n");
        out.append("\n  A token for scripts (demo client only):\n");
        out.append("    curl -s -d grant_type=password -d client_id=envgov-cli -d username=admin1 -d password=demo \\\n")
                .append("      ").append(config.keycloakUrl()).append("/realms/envgov/protocol/openid-connect/token\n");
        out.append("\n  Processes:\n");
        platform.processSummary().forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
