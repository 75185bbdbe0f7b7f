package gov.envgov.system;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import gov.envgov.launcher.demo.DemoData;
import gov.envgov.launcher.process.Platform;
import gov.envgov.support.testing.BenchmarkReport;

/**
 * Figures of the platform foundation (issue 16), each with a baseline measured in the same run:
 * <ul>
 *   <li>cold start of the whole platform with the portal and the demo data (fresh data folder: PostgreSQL initdb,
 *       Keycloak unpacked and its realm imported, demo data loaded through the gateway) to all healthy and routed:
 *       goal ≤ 60 s; baseline: permit-service started alone against a running database;</li>
 *   <li>the resident memory of all its processes then: goal ≤ 3 GiB;</li>
 *   <li>bulk import of enterprises through the gateway: goal ≥ 2,000 units/s; baseline: the same rows written by
 *       one JDBC batch into a table of the same database;</li>
 *   <li>feed replay: every consumer reads the whole feed again, over HTTP through Eureka, ÷ the same rows written
 *       straight into three tables by JDBC batch: goal ≥ 0.3.</li>
 * </ul>
 * Run with {@code ./envgov bench PlatformBenchmark}.
 */
class PlatformBenchmark {

    private static final List<String> CONSUMER_DATABASES = List.of("complaint", "enforcement", "credit");
    private static final Map<String, String> READ_MODELS = Map.of("complaint", "enterprise_directory",
            "enforcement", "pool_entity", "credit", "credit_subject");

    @Test
    void importAndFeedReplay() throws Exception {
        Http http = new Http();
        Platform platform = new Platform(TestPlatform.config("benchmark-home", false)).start();
        try {
            List<Map<String, Object>> enterprises = DemoData.generate();
            int events = enterprises.size();
            String admin = http.passwordToken(platform.config().keycloakUrl(), "admin1", "demo");
            Instant begin = Instant.now();
            for (int from = 0; from < events; from += 1000) {
                HttpResponse<String> response = http.send("POST", platform.config().gatewayUrl()
                        + "/api/enterprises/import", admin, Map.of("enterprises",
                        enterprises.subList(from, Math.min(events, from + 1000))));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.body());
                }
            }
            double imported = events / seconds(Duration.between(begin, Instant.now()));
            for (String database : CONSUMER_DATABASES) {
                awaitCursor(platform.jdbc(database), events);
            }
            double batchPerSecond = events / seconds(directWrites(platform.jdbc("permit"), enterprises, 1));
            BenchmarkReport.atLeast("bulk import of " + events + " enterprises through the gateway (unit, outbox"
                    + " event and audit row each)", imported, "units/s", "one JDBC batch of the same rows",
                    batchPerSecond, 2_000);

            // Pure feed throughput: every consumer replays the whole feed from position 0, all three at once.
            Instant replay = Instant.now();
            for (Map.Entry<String, String> consumer : READ_MODELS.entrySet()) {
                resetConsumer(platform.jdbc(consumer.getKey()), consumer.getValue());
            }
            for (String database : CONSUMER_DATABASES) {
                awaitCursor(platform.jdbc(database), events);
            }
            double replayPerSecond = events / seconds(Duration.between(replay, Instant.now()));
            double directPerSecond = events / seconds(directWrites(platform.jdbc("enforcement"), enterprises, 3));
            BenchmarkReport.ratioAtLeast("feed replay: " + events + " events into all 3 consumers over HTTP through"
                    + " Eureka ÷ JDBC batch", replayPerSecond, "events/s", "the same rows by JDBC batch into 3"
                    + " tables", directPerSecond, 0.3);
        } finally {
            platform.close();
        }
    }

    @Test
    void coldStartWithDemoData() throws Exception {
        PlatformConfig config = TestPlatform.config("benchmark-cold-home", true);
        Platform platform = new Platform(config);
        Duration cold;
        long resident;
        try {
            Instant begin = Instant.now();
            platform.start();
            platform.step("demo data", () -> DemoData.loadIfEmpty(config));
            cold = Duration.between(begin, Instant.now());
            resident = platform.residentBytes();
        } finally {
            platform.close();
        }
        Platform alone = new Platform(TestPlatform.config("benchmark-alone", false));
        Duration single;
        try {
            single = alone.startAlone("permit-service");
        } finally {
            alone.close();
        }
        BenchmarkReport.atMost("cold start with demo data, all healthy and routed", seconds(cold), "s",
                "permit-service alone", seconds(single), 60);
        double gib = resident / (1024.0 * 1024 * 1024);
        BenchmarkReport.atMost("resident memory of all processes after the cold start, portal included", gib, "GiB",
                "per process", gib / (PlatformConfig.SERVICES.size() + 5), 3);
    }

    private static void awaitCursor(String[] jdbc, int events) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2])) {
            while (Instant.now().isBefore(deadline)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery(
                             "SELECT coalesce(max(position), 0) FROM event_cursor WHERE producer = 'permit-service'")) {
                    if (rs.next() && rs.getLong(1) >= events) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("consumer of " + jdbc[0] + " did not catch up");
    }

    private static void resetConsumer(String[] jdbc, String readModel) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("DELETE FROM " + readModel);
            statement.execute("UPDATE event_cursor SET position = 0 WHERE producer = 'permit-service'");
            connection.commit();
        }
    }

    /** The least work a consumer must do: the same rows, one batch and one transaction per table. */
    private static Duration directWrites(String[] jdbc, List<Map<String, Object>> enterprises, int tables)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2])) {
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < tables; i++) {
                    statement.execute("CREATE TABLE IF NOT EXISTS bench_view_" + i + " (code text PRIMARY KEY,"
                            + " name text NOT NULL, district text NOT NULL, management_class text NOT NULL,"
                            + " version bigint NOT NULL)");
                    statement.execute("TRUNCATE bench_view_" + i);
                }
            }
            connection.setAutoCommit(false);
            Instant begin = Instant.now();
            for (int i = 0; i < tables; i++) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_view_" + i
                        + " (code, name, district, management_class, version) VALUES (?, ?, ?, ?, 1)")) {
                    for (Map<String, Object> unit : enterprises) {
                        insert.setString(1, (String) unit.get("code"));
                        insert.setString(2, (String) unit.get("name"));
                        insert.setString(3, (String) unit.get("district"));
                        insert.setString(4, (String) unit.get("managementClass"));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            }
            return Duration.between(begin, Instant.now());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
