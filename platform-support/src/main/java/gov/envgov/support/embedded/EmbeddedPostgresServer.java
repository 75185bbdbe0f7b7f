package gov.envgov.support.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries that Maven Central ships (io.zonky.test), for the launcher and for
 * tests on a machine without a database server. Data stays in {@code dataDirectory} between starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /**
     * Every session of a service database commits synchronously, whatever the server's default: a commit is
     * answered only once it is on disk. Shared with {@code ExternalPostgres}, for a server the operator configured.
     */
    public static final String DURABLE = "ALTER DATABASE \"%s\" SET synchronous_commit = on";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a server keeping its data in {@code dataDirectory}; port 0 picks a free one. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                // The library's default is off, which loses commits a service already answered when the server
                // crashes: every acknowledged write must survive.
                .setServerConfig("synchronous_commit", "on");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory);
        } else {
            builder.setCleanDataDirectory(true);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres started = builder.start();
        return new EmbeddedPostgresServer(started, dataDirectory);
    }

    /**
     * Kills the postmaster and every backend with SIGKILL, as a crash of the machine's database would end them
     * (fault tests); {@link #start(Path, int)} on the same directory and port brings the server back with what it
     * had committed. Waits until every process is gone.
     */
    public void crash() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                java.util.List<ProcessHandle> backends = postmaster.children().toList();
                postmaster.destroyForcibly();
                backends.forEach(ProcessHandle::destroyForcibly);
                postmaster.onExit().join();
                backends.forEach(backend -> backend.onExit().join());
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            // Releases the library's lock on the data directory (its stop of the dead server fails, and is logged).
            postgres.close();
        } catch (IOException expected) {
            // the server is gone already
        }
    }

    /** Resident memory of the postmaster and its backends (Linux), in bytes. */
    public long residentBytes() {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).map(handle -> {
                long total = rss(handle.pid());
                for (ProcessHandle child : (Iterable<ProcessHandle>) handle.children()::iterator) {
                    total += rss(child.pid());
                }
                return total;
            }).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the backend ended meanwhile
        }
        return 0;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the role and the database if they do not exist yet (idempotent across restarts). */
    public void ensureDatabase(String database, String user, String password) throws SQLException {
        if (!IDENTIFIER.matcher(database).matches() || !IDENTIFIER.matcher(user).matches()
                || password.contains("'")) {
            throw new IllegalArgumentException("database and user must be simple identifiers");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
                if (!role.next()) {
                    statement.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "'");
                }
            }
            try (ResultSet db = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!db.next()) {
                    statement.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
                }
            }
            statement.execute(DURABLE.formatted(database));
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
