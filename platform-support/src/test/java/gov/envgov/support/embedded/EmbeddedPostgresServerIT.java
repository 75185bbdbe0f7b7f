package gov.envgov.support.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The launcher's and the tests' PostgreSQL answers a commit only once it is durable. */
class EmbeddedPostgresServerIT {

    @Test
    void serviceDatabasesCommitSynchronouslyAndTheServerSyncsToDisk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0)) {
            server.ensureDatabase("durable_check", "durable_user", "secret");
            server.ensureDatabase("durable_check", "durable_user", "secret");
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port()
                    + "/durable_check", "durable_user", "secret");
                 Statement statement = connection.createStatement()) {
                assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
                assertThat(show(statement, "fsync")).isEqualTo("on");
                // Even a server whose default was changed back: the database's own setting wins.
                statement.execute("SET synchronous_commit = off");
                statement.execute("RESET synchronous_commit");
                assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
            }
        }
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
