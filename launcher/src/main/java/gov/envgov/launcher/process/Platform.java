package gov.envgov.launcher.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
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
    private final List<ClassDataSharing.Launch> trainings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private EmbeddedPostgresServer postgres;
    private String dbHost;
    private int dbPort;
    private String dbUser;
    private String dbPassword;
    private Duration startUp;
    private StartupProgress progress = new StartupProgress(System.out, Clock.systemUTC());

    public Platform(PlatformConfig config) {
        this.config = config;
    }

    public PlatformConfig config() {
        return config;
    }

    /**
     * Starts every component and waits until all are healthy and routed, saying on standard output which one it
     * waits for and when each is up; a failure names the component and shows the last lines of its log.
     */
    public Platform start() throws IOException, SQLException {
        Instant begin = Instant.now();
        progress = new StartupProgress(System.out, Clock.systemUTC());
        Files.createDirectories(config.logs());
        String database = config.externalPostgres() ? "PostgreSQL (configured)" : "PostgreSQL (embedded)";
        progress.waiting(database);
        try {
            startDatabase();
        } catch (IOException | SQLException | RuntimeException e) {
            throw progress.failure(database, "did not start: " + e.getMessage(), List.of());
        }
        progress.up(database);
        if (!config.externalKeycloak()) {
            launch(KeycloakServer.start(config));
        }
        launch(startJar("registry", Map.of()));
        for (String service : PlatformConfig.SERVICES) {
            launch(startJar(service, serviceEnvironment(service)));
        }
        launch(startJar("gateway", gatewayEnvironment()));

        awaitHealthy("Keycloak", config.keycloakUrl() + "/realms/envgov/.well-known/openid-configuration");
        // The portal reads Keycloak's OpenID configuration when it starts, so it starts once Keycloak answers.
        launch(startJar("portal", portalEnvironment()));
        awaitHealthy("registry", healthUrl("registry"));
        for (String service : PlatformConfig.SERVICES) {
            awaitHealthy(service, healthUrl(service));
        }
        awaitHealthy("gateway", healthUrl("gateway"));
        for (String service : PlatformConfig.SERVICES) {
            // Routed means registered in Eureka and known to the gateway's load balancer.
            awaitHealthy(service + " via gateway", config.gatewayUrl() + "/api-docs/" + service);
        }
        awaitHealthy("portal", healthUrl("portal"));
        awaitHealthy("portal via gateway", config.gatewayUrl() + "/");
        startUp = Duration.between(begin, Instant.now());
        return this;
    }

    /**
     * Runs a step after the platform is up (the demo data) with the same progress lines: waiting, then up with the
     * seconds since the start; a failure names the step.
     */
    public void step(String name, Runnable step) {
        progress.waiting(name);
        try {
            step.run();
        } catch (RuntimeException e) {
            throw progress.failure(name, "failed: " + e.getMessage(), List.of());
        }
        progress.up(name);
    }

    private void launch(ManagedProcess process) {
        processes.add(process);
        progress.started(process);
    }

    /** The readiness URL of a component, on the port its actuator listens on (loopback only for the services). */
    String healthUrl(String component) {
        int port = switch (component) {
            case "gateway" -> config.gatewayPort();
            case "portal" -> config.portalPort();
            default -> config.managementPort(component);
        };
        return "http://localhost:" + port + "/actuator/health/readiness";
    }

    /**
     * Starts the database and one service only, and waits until it is ready: the baseline the start-up benchmark
     * compares the whole platform with. Returns how long the service took once the database was up.
     */
    public Duration startAlone(String service) throws IOException, SQLException {
        startDatabase();
        Instant begin = Instant.now();
        launch(startJar(service, serviceEnvironment(service)));
        awaitHealthy(service, healthUrl(service));
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

    /** Kills a component with SIGKILL, without a grace period (fault tests); {@link #restart(String)} again. */
    public void kill(String name) {
        ManagedProcess process = component(name);
        process.kill();
        processes.remove(process);
    }

    /** Freezes a component (SIGSTOP): it keeps its sockets open and answers nothing (fault tests). */
    public void freeze(String name) {
        component(name).signal("STOP");
    }

    public void thaw(String name) {
        component(name).signal("CONT");
    }

    private ManagedProcess component(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running component " + name));
    }

    /** Kills the embedded PostgreSQL with SIGKILL, postmaster and backends, as a crash would (fault tests). */
    public void killDatabase() {
        if (postgres == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be killed");
        }
        postgres.crash();
    }

    /** Starts the embedded PostgreSQL again on its data directory and port, after {@link #killDatabase()}. */
    public void restartDatabase() throws IOException {
        postgres = EmbeddedPostgresServer.start(config.home().resolve("postgres"), config.postgresPort());
    }

    public void restart(String service) throws IOException {
        stop(service);
        launch(startJar(service, serviceEnvironment(service)));
        awaitHealthy(service, healthUrl(service));
    }

    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        // All at once, each with a grace period to finish what it does (and to write its class archive): a parallel
        // stream on two cores would stop them two at a time.
        List<Thread> stopping = new ArrayList<>();
        for (ManagedProcess process : reversed) {
            Thread thread = new Thread(() -> process.stop(30), "stop-" + process.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        processes.clear();
        // The JVMs wrote their class archives as they exited (PERF-START-CDS).
        trainings.forEach(ClassDataSharing.Launch::completeTraining);
        trainings.clear();
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

    /**
     * The gateway on this machine is the proxy in front of the portal: the address it appends to X-Forwarded-For is
     * the citizen's, for the portal's per-address report limit (PORTAL-REPORT-RATE-LIMIT).
     */
    private Map<String, String> portalEnvironment() {
        Map<String, String> env = commonEnvironment();
        env.putIfAbsent("PORTAL_TRUSTED_PROXIES", config.environment().getOrDefault("PORTAL_TRUSTED_PROXIES",
                "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1"));
        return env;
    }

    private Map<String, String> serviceEnvironment(String service) {
        Map<String, String> env = commonEnvironment();
        env.put("DB_HOST", dbHost);
        env.put("DB_PORT", String.valueOf(dbPort));
        env.put("DB_NAME", service.replace("-service", ""));
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        // API descriptions, Open311 discovery and media URLs name the public entry, never the Host header.
        env.put("PUBLIC_BASE_URL", config.environment().getOrDefault("PUBLIC_BASE_URL", config.gatewayUrl()));
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

    /** The gateway's settings, and the rate limits (GW-RATE-*) when the platform's environment sets them. */
    private Map<String, String> gatewayEnvironment() {
        Map<String, String> env = commonEnvironment();
        config.environment().forEach((name, value) -> {
            if (name.startsWith("RATE_LIMIT")) {
                env.put(name, value);
            }
        });
        return env;
    }

    private ManagedProcess startJar(String module, Map<String, String> moduleEnv) throws IOException {
        Path jar = findJar(module);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ClassDataSharing.Launch launch = new ClassDataSharing(config.environment(), java).prepare(jar);
        trainings.add(launch);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(config.javaOptions());
        command.addAll(launch.arguments());
        Map<String, String> env = new HashMap<>(moduleEnv);
        env.putAll(listening(config, module));
        if (module.equals("registry")) {
            env.put("EUREKA_INSTANCE_HOSTNAME", "localhost");
        }
        return ManagedProcess.start(module, command, config.repository(), env, config.logs());
    }

    /**
     * Where a module listens (LAUNCH-LOOPBACK-ONLY): the gateway and the portal on the configured public address
     * (every interface unless one is configured), the registry and the services on loopback only, with their actuator
     * (health, metrics) on a management port of its own, also on loopback. Nothing but the gateway and the portal is
     * reachable from another machine, so no one else can register a rogue instance in Eureka, call a service around
     * the gateway or read its metrics.
     */
    static Map<String, String> listening(PlatformConfig config, String module) {
        Map<String, String> env = new HashMap<>();
        switch (module) {
            case "gateway", "portal" -> {
                env.put("SERVER_PORT", String.valueOf(module.equals("gateway") ? config.gatewayPort()
                        : config.portalPort()));
                if (config.publicBindAddress() != null) {
                    env.put("SERVER_ADDRESS", config.publicBindAddress());
                }
            }
            default -> {
                int port = module.equals("registry") ? config.registryPort() : config.servicePort(module);
                env.put("SERVER_PORT", String.valueOf(port));
                env.put("SERVER_ADDRESS", PlatformConfig.LOOPBACK);
                env.put("MANAGEMENT_SERVER_PORT", String.valueOf(config.managementPort(module)));
                env.put("MANAGEMENT_SERVER_ADDRESS", PlatformConfig.LOOPBACK);
            }
        }
        return env;
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

    /** Waits until the component answers 200 (see {@link StartupProgress#await}). */
    private void awaitHealthy(String name, String url) {
        progress.await(name, () -> http.status(url) == 200, List.copyOf(processes), config.startTimeout(),
                Duration.ofMillis(500));
    }
}
