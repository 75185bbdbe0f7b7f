package gov.envgov.launcher.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import gov.envgov.support.embedded.EmbeddedPostgresServer;

/**
 * The whole platform on one machine: PostgreSQL (embedded unless configured), Keycloak, the registry, the gateway,
 * the four services and the portal as child processes (demo data is the caller's: {@code gov.envgov.launcher.demo}).
 * {@link #close()} stops everything it
 * started, in reverse order; data stays under the run home for the next start.
 */
public final class Platform implements AutoCloseable {

    private static final String DB_USER = "envgov";

    private final PlatformConfig config;
    private final Http http = new Http();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private String dbHost;
    private int dbPort;
    private String dbUser;
    private String dbPassword;
    private Duration startUp;
    private Instant began = Instant.now();

    public Platform(PlatformConfig config) {
        this.config = config;
    }

    public PlatformConfig config() {
        return config;
    }

    /** Starts every component and waits until all are healthy and routed. */
    public Platform start() throws IOException, SQLException {
        Instant begin = Instant.now();
        began = begin;
        Files.createDirectories(config.logs());
        startDatabase();
        System.out.printf("  %-32s up after %3d s%n", config.externalPostgres() ? "PostgreSQL (configured)"
                : "PostgreSQL (embedded)", Duration.between(began, Instant.now()).toSeconds());
        if (!config.externalKeycloak()) {
            processes.add(KeycloakServer.start(config));
        }
        processes.add(startJar("registry", config.registryPort(), Map.of()));
        for (String service : PlatformConfig.SERVICES) {
            processes.add(startJar(service, config.servicePort(service), serviceEnvironment(service)));
        }
        processes.add(startJar("gateway", config.gatewayPort(), gatewayEnvironment()));

        awaitHealthy("Keycloak", config.keycloakUrl() + "/realms/envgov/.well-known/openid-configuration");
        // The portal reads Keycloak's OpenID configuration when it starts, so it starts once Keycloak answers.
        processes.add(startJar("portal", config.portalPort(), commonEnvironment()));
        awaitHealthy("registry", "http://localhost:" + config.registryPort() + "/actuator/health/readiness");
        for (String service : PlatformConfig.SERVICES) {
            awaitHealthy(service, "http://localhost:" + config.servicePort(service) + "/actuator/health/readiness");
        }
        awaitHealthy("gateway", config.gatewayUrl() + "/actuator/health/readiness");
        for (String service : PlatformConfig.SERVICES) {
            // Routed means registered in Eureka and known to the gateway's load balancer.
            awaitHealthy(service + " via gateway", config.gatewayUrl() + "/api-docs/" + service);
        }
        awaitHealthy("portal", "http://localhost:" + config.portalPort() + "/actuator/health/readiness");
        awaitHealthy("portal via gateway", config.gatewayUrl() + "/");
        startUp = Duration.between(begin, Instant.now());
        return this;
    }

    /**
     * Starts the database and one service only, and waits until it is ready: the baseline the start-up benchmark
     * compares the whole platform with. Returns how long the service took once the database was up.
     */
    public Duration startAlone(String service) throws IOException, SQLException {
        startDatabase();
        Instant begin = Instant.now();
        processes.add(startJar(service, config.servicePort(service), serviceEnvironment(service)));
        awaitHealthy(service, "http://localhost:" + config.servicePort(service) + "/actuator/health/readiness");
        return Duration.between(begin, Instant.now());
    }

    /** JDBC URL and credentials of a service's database, for benchmarks that look at the stored data. */
    public String[] jdbc(String database) {
        return new String[] {"jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database, dbUser, dbPassword};
    }

    /** How long {@link #start()} took until every component was healthy and routed (before demo data). */
    public Duration startUpTime() {
        return startUp;
    }

    /** Resident memory of every process the platform runs (including embedded PostgreSQL), in bytes. */
    public long residentBytes() {
        long total = processes.stream().mapToLong(ManagedProcess::residentBytes).filter(b -> b > 0).sum();
        if (postgres != null) {
            total += postgres.residentBytes();
        }
        return total;
    }

    public List<String> processSummary() {
        List<String> lines = new ArrayList<>();
        for (ManagedProcess process : processes) {
            lines.add(String.format("%-20s pid %-8d %6d MiB  log %s", process.name(), process.pid(),
                    process.residentBytes() / (1024 * 1024), process.log()));
        }
        return lines;
    }

    /** Stops a component (for tests of recovery); {@link #restart(String)} starts it again. */
    public void stop(String name) {
        processes.stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(p -> {
            p.stop(30);
            processes.remove(p);
        });
    }

    public void restart(String service) throws IOException {
        stop(service);
        processes.add(startJar(service, config.servicePort(service), serviceEnvironment(service)));
        awaitHealthy(service, "http://localhost:" + config.servicePort(service) + "/actuator/health/readiness");
    }

    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        // Services first, in parallel, then Keycloak: each gets a grace period to finish what it does.
        reversed.parallelStream().forEach(process -> process.stop(30));
        processes.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
            postgres = null;
        }
    }

    private void startDatabase() throws IOException, SQLException {
        if (config.externalPostgres()) {
            Map<String, String> env = config.environment();
            dbHost = env.get("ENVGOV_DB_HOST");
            dbPort = Integer.parseInt(env.getOrDefault("ENVGOV_DB_PORT", "5432"));
            dbUser = env.getOrDefault("ENVGOV_DB_USER", DB_USER);
            dbPassword = env.getOrDefault("ENVGOV_DB_PASSWORD", "");
            ExternalPostgres.ensureDatabases(dbHost, dbPort, dbUser, dbPassword, PlatformConfig.DATABASES);
            return;
        }
        postgres = EmbeddedPostgresServer.start(config.home().resolve("postgres"), config.postgresPort());
        dbHost = "localhost";
        dbPort = postgres.port();
        dbUser = DB_USER;
        dbPassword = DB_USER;
        for (String database : PlatformConfig.DATABASES) {
            postgres.ensureDatabase(database, dbUser, dbPassword);
        }
    }

    private Map<String, String> commonEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("EUREKA_URL", "http://localhost:" + config.registryPort() + "/eureka/");
        env.put("EUREKA_INSTANCE_HOSTNAME", "localhost");
        env.put("KEYCLOAK_URL", config.keycloakUrl());
        env.put("KEYCLOAK_ISSUER", config.keycloakUrl() + "/realms/envgov");
        env.put("JWT_CLOCK_SKEW", config.jwtClockSkew().toSeconds() + "s");
        env.put("LOG_FORMAT", config.environment().getOrDefault("LOG_FORMAT", "ecs"));
        return env;
    }

    private Map<String, String> serviceEnvironment(String service) {
        Map<String, String> env = commonEnvironment();
        env.put("DB_HOST", dbHost);
        env.put("DB_PORT", String.valueOf(dbPort));
        env.put("DB_NAME", service.replace("-service", ""));
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        if (service.equals("complaint-service")) {
            env.put("COMPLAINANT_KEY", complainantKey());
        }
        return env;
    }

    /** This installation's key for complainant identities: made once, kept beside the data it protects. */
    private String complainantKey() {
        Path file = config.home().resolve("complainant.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the complainant key in " + file, e);
        }
    }

    private Map<String, String> gatewayEnvironment() {
        return commonEnvironment();
    }

    private ManagedProcess startJar(String module, int port, Map<String, String> moduleEnv) throws IOException {
        Path jar = findJar(module);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.javaOptions());
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> env = new HashMap<>(moduleEnv);
        env.put("SERVER_PORT", String.valueOf(port));
        if (module.equals("registry")) {
            env.put("EUREKA_INSTANCE_HOSTNAME", "localhost");
        }
        return ManagedProcess.start(module, command, config.repository(), env, config.logs());
    }

    private Path findJar(String module) throws IOException {
        Path target = config.repository().resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new IOException("no executable jar of " + module + " in " + target + ": run the build first");
    }

    /**
     * Waits until the component answers 200, printing a line when it does (with the seconds since the start); when a
     * process exits or the time is up, says which one and shows the last lines of its log.
     */
    private void awaitHealthy(String name, String url) {
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (http.status(url) == 200) {
                System.out.printf("  %-32s up after %3d s%n", name, Duration.between(began, Instant.now())
                        .toSeconds());
                return;
            }
            for (ManagedProcess process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name() + " exited during start-up; the last lines of "
                            + process.log() + ":\n" + tail(process.log(), 20));
                }
            }
            Http.pause(Duration.ofMillis(500));
        }
        String log = processes.stream().filter(p -> name.startsWith(p.name())).findFirst()
                .map(p -> "; the last lines of " + p.log() + ":\n" + tail(p.log(), 20)).orElse("");
        throw new IllegalStateException(name + " did not become healthy within " + config.startTimeout()
                + " (" + url + "); logs are in " + config.logs() + log);
    }

    /** The last lines of a log, for a start-up failure's message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

}
