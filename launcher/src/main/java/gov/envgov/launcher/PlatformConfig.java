package gov.envgov.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the platform runs from and on which ports. Everything has a default for a developer machine; environment
 * variables point it at an existing PostgreSQL ({@code ENVGOV_DB_HOST}, {@code ENVGOV_DB_PORT}, {@code ENVGOV_DB_USER},
 * {@code ENVGOV_DB_PASSWORD}: an account that may create databases and roles) or Keycloak ({@code ENVGOV_KEYCLOAK_URL},
 * whose realm {@code envgov} was imported from {@code keycloak/envgov-realm.json}); {@code ENVGOV_BIND_ADDRESS} is
 * where the gateway and the portal listen (everything else listens on loopback).
 *
 * @param repository  the checkout: modules' jars are under {@code <module>/target}
 * @param home        run data: PostgreSQL files, unpacked Keycloak, logs
 * @param portOffset  added to every default port, so a second platform (the system tests) can run beside one
 * @param javaOptions JVM options for each service
 * @param loadDemoData whether to load the demo data set on a first start
 * @param jwtClockSkew how long after expiry a token is still accepted
 */
public record PlatformConfig(Path repository, Path home, int portOffset, List<String> javaOptions,
                             boolean loadDemoData, Duration jwtClockSkew, Duration startTimeout,
                             Map<String, String> environment) {

    public static final List<String> SERVICES = List.of("permit-service", "complaint-service", "enforcement-service",
            "credit-service");
    /** The address of every component that only this machine may reach (LAUNCH-LOOPBACK-ONLY). */
    public static final String LOOPBACK = "127.0.0.1";
    public static final List<String> DATABASES = List.of("permit", "complaint", "enforcement", "credit");

    /** Small heaps and the quick JIT tier: start-up time and memory matter more than peak speed on one machine. */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=200m", "-XX:ReservedCodeCacheSize=64m",
            "-Dfile.encoding=UTF-8");

    public static PlatformConfig fromEnvironment(Path repository) {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("ENVGOV_HOME", repository.resolve(".envgov").toString()));
        int offset = Integer.parseInt(env.getOrDefault("ENVGOV_PORT_OFFSET", "0"));
        List<String> options = env.containsKey("ENVGOV_JAVA_OPTS")
                ? List.of(env.get("ENVGOV_JAVA_OPTS").trim().split("\\s+")) : DEFAULT_JAVA_OPTIONS;
        return new PlatformConfig(repository, home, offset, options,
                !"false".equalsIgnoreCase(env.getOrDefault("ENVGOV_DEMO_DATA", "true")),
                Duration.ofSeconds(60), Duration.ofMinutes(5), env);
    }

    public int gatewayPort() {
        return 8080 + portOffset;
    }

    /** The portal behind the gateway (people reach it through the gateway's {@code /}). */
    public int portalPort() {
        return 8085 + portOffset;
    }

    public int registryPort() {
        return 8761 + portOffset;
    }

    public int keycloakPort() {
        return 8180 + portOffset;
    }

    public int postgresPort() {
        return Integer.parseInt(environment.getOrDefault("ENVGOV_PG_PORT", String.valueOf(15432 + portOffset)));
    }

    public int servicePort(String service) {
        return 8081 + SERVICES.indexOf(service) + portOffset;
    }

    /**
     * The actuator's own port of a service or the registry (health, metrics), bound to loopback: what the launcher
     * polls, never reachable from another machine (LAUNCH-LOOPBACK-ONLY).
     */
    public int managementPort(String component) {
        if (component.equals("registry")) {
            return 9761 + portOffset;
        }
        if (!SERVICES.contains(component)) {
            throw new IllegalArgumentException(component + " has no management port of its own");
        }
        return 9081 + SERVICES.indexOf(component) + portOffset;
    }

    /**
     * Where the gateway and the portal listen, the only components other machines reach: {@code ENVGOV_BIND_ADDRESS},
     * or null when it is not set (then they listen on every interface, IPv4 and IPv6, the server's default).
     * Everything else listens on {@link #LOOPBACK}.
     */
    public String publicBindAddress() {
        String address = environment.get("ENVGOV_BIND_ADDRESS");
        return address == null || address.isBlank() ? null : address.strip();
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort();
    }

    public String keycloakUrl() {
        return environment.getOrDefault("ENVGOV_KEYCLOAK_URL", "http://localhost:" + keycloakPort());
    }

    public boolean externalKeycloak() {
        return environment.containsKey("ENVGOV_KEYCLOAK_URL");
    }

    public boolean externalPostgres() {
        return environment.containsKey("ENVGOV_DB_HOST");
    }

    public Path logs() {
        return home.resolve("logs");
    }
}
