package gov.envgov.support.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

import gov.envgov.support.embedded.EmbeddedPostgresServer;

/**
 * A fresh database per test class on a real PostgreSQL: an embedded server started once per test JVM, or the server
 * named by {@code ENVGOV_TEST_PG_HOST} / {@code ENVGOV_TEST_PG_PORT} / {@code ENVGOV_TEST_PG_USER} (superuser, trust
 * or {@code ENVGOV_TEST_PG_PASSWORD}).
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    public static synchronized Database newDatabase(String prefix) {
        Server current = server();
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(current.adminUrl(), current.user(),
                current.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(current.host(), current.port(), name, current.user(), current.password());
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String host = System.getenv("ENVGOV_TEST_PG_HOST");
        if (host != null && !host.isBlank()) {
            String port = System.getenv().getOrDefault("ENVGOV_TEST_PG_PORT", "5432");
            String user = System.getenv().getOrDefault("ENVGOV_TEST_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("ENVGOV_TEST_PG_PASSWORD", "");
            server = new Server(host, Integer.parseInt(port), user, password);
        } else {
            try {
                EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is ending; the temporary data directory goes with the process
                    }
                }));
                server = new Server("localhost", embedded.port(), "postgres", "postgres");
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private record Server(String host, int port, String user, String password) {
        String adminUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/postgres";
        }
    }

    public record Database(String host, int port, String name, String user, String password) {

        public String r2dbcUrl() {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** Points R2DBC and Flyway of a Spring test context at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.r2dbc.url", this::r2dbcUrl);
            registry.add("spring.r2dbc.username", this::user);
            registry.add("spring.r2dbc.password", this::password);
            registry.add("spring.flyway.url", this::jdbcUrl);
            registry.add("spring.flyway.user", this::user);
            registry.add("spring.flyway.password", this::password);
        }
    }
}
