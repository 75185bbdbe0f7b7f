package gov.envgov.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gov.envgov.launcher.PlatformConfig;
import gov.envgov.launcher.demo.DemoData;
import gov.envgov.launcher.process.Platform;

/**
 * The real platform for system tests and benchmarks, started by the launcher's own code in a fresh run home and on
 * shifted ports (so a developer's running platform does not collide), with a short token clock skew so that the
 * expiry test does not wait a minute.
 */
final class TestPlatform {

    static final int PORT_OFFSET = 10000;

    private TestPlatform() {
    }

    static PlatformConfig config(String homeName, boolean demoData) throws IOException {
        return config(homeName, demoData, PORT_OFFSET);
    }

    static PlatformConfig config(String homeName, boolean demoData, int portOffset) throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path home = Path.of("target", homeName).toAbsolutePath();
        deleteRecursively(home);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("ENVGOV_PG_PORT");
        env.remove("ENVGOV_KEYCLOAK_URL");
        env.put("LOG_FORMAT", "ecs");
        // The fuzz suite, the fault tests and the benchmarks send far more than one client may (GW-RATE-*): the
        // gateway's own tests prove the limits.
        env.put("RATE_LIMITS_ENABLED", "false");
        return new PlatformConfig(repository, home, portOffset, PlatformConfig.DEFAULT_JAVA_OPTIONS, demoData,
                Duration.ofSeconds(1), Duration.ofMinutes(6), env);
    }

    private static Platform shared;

    /**
     * The platform with demo data that the system tests and the browser tests share (one start per test run, not
     * one per class); it stops when the test JVM exits.
     */
    static synchronized Platform shared() throws Exception {
        if (shared == null) {
            shared = start("system-home", true);
            Platform started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-shutdown"));
        }
        return shared;
    }

    static Platform start(String homeName, boolean demoData) throws Exception {
        return start(config(homeName, demoData));
    }

    static Platform start(PlatformConfig config) throws Exception {
        Platform platform = new Platform(config);
        try {
            platform.start();
            if (config.loadDemoData()) {
                DemoData.loadIfEmpty(config);
            }
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** Demo users' tokens, fetched once per run (a password grant costs Keycloak tens of milliseconds of CPU). */
    static final class Tokens {
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final gov.envgov.launcher.Http http;
        private final String keycloakUrl;

        Tokens(gov.envgov.launcher.Http http, String keycloakUrl) {
            this.http = http;
            this.keycloakUrl = keycloakUrl;
        }

        String of(String user) {
            return tokens.computeIfAbsent(user, name -> http.passwordToken(keycloakUrl, name, "demo"));
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
