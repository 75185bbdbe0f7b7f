package gov.envgov.launcher.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import gov.envgov.support.embedded.EmbeddedPostgresServer;

/** Prepares the service databases on a PostgreSQL server the operator configured, each committing durably. */
final class ExternalPostgres {

    private ExternalPostgres() {
    }

    static void ensureDatabases(String host, int port, String user, String password, List<String> databases)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
                statement.execute(EmbeddedPostgresServer.DURABLE.formatted(database));
            }
        }
    }
}
