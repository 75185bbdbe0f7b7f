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
import gov.envgov.launcher.demo.DemoData;
import gov.envgov.launcher.process.Platform;

/**
 * Figures of the platform foundation, each printed with a baseline measured in the same run:
 * <ul>
 *   <li>cold start of the whole platform (fresh data folder: PostgreSQL initdb, Keycloak unpacked and its realm
 *       imported) to all healthy and routed, and the resident memory of all its processes; baseline: one service
 *       started alone against a running database;</li>
 *   <li>feed propagation of the demo enterprises to the three consumers, in events per second; baseline: the same
 *       rows written straight into a read-model table with one JDBC batch per consumer.</li>
 * </ul>
 * Run with {@code ./mvnw -Pbenchmark -pl system-tests -am verify -Dsurefire.skip=true}.
 */
class PlatformBenchmark {

    private static final List<String> CONSUMER_DATABASES = List.of("complaint", "enforcement", "credit");
    private static final Map<String, String> READ_MODELS = Map.of("complaint", "enterprise_directory",
            "enforcement", "pool_entity", "credit", "credit_subject");

    @Test
    void coldStartAndFeedPropagation() throws Exception {
        Http http = new Http();
        Instant coldBegin = Instant.now();
        Platform platform = new Platform(TestPlatform.config("benchmark-home", false));
        Duration cold;
        long resident;
        try {
            platform.start();
            cold = Duration.between(coldBegin, Instant.now());
            resident = platform.residentBytes();

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
            Instant imported = Instant.now();
            for (String database : CONSUMER_DATABASES) {
                awaitCursor(platform.jdbc(database), events);
            }
            Duration propagation = Duration.between(begin, Instant.now());
            double eventsPerSecond = events / seconds(propagation);
            System.out.printf("BENCHMARK import through the gateway: %d enterprises in %.2f s%n", events,
                    seconds(Duration.between(begin, imported)));

            System.out.printf("BENCHMARK import and propagation: %d events in all 3 consumers %.2f s after the first"
                    + " import request (%.0f events/s end to end)%n", events, seconds(propagation), eventsPerSecond);

            // Pure feed throughput: every consumer replays the whole feed from position 0, all three at once.
            Instant replay = Instant.now();
            for (Map.Entry<String, String> consumer : READ_MODELS.entrySet()) {
                resetConsumer(platform.jdbc(consumer.getKey()), consumer.getValue());
            }
            for (String database : CONSUMER_DATABASES) {
                awaitCursor(platform.jdbc(database), events);
            }
            Duration replayed = Duration.between(replay, Instant.now());
            double replayPerSecond = events / seconds(replayed);

            Duration direct = directWrites(platform.jdbc("enforcement"), enterprises);
            double baselinePerSecond = events / seconds(direct);
            System.out.printf("BENCHMARK feed propagation: %d events replayed by all 3 consumers over HTTP through"
                            + " Eureka in %.2f s = %.0f events/s per consumer; baseline (same rows by JDBC batch"
                            + " into 3 tables) %.0f events/s; ratio %.3f%n", events, seconds(replayed),
                    replayPerSecond, baselinePerSecond, replayPerSecond / baselinePerSecond);
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
        System.out.printf("BENCHMARK cold start: whole platform healthy and routed in %.1f s, %d MiB resident in all"
                        + " processes; baseline permit-service alone %.1f s; ratio %.2f%n", seconds(cold),
                resident / (1024 * 1024), seconds(single), seconds(cold) / seconds(single));
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

    /** The least work a consumer must do: the same rows, one batch and one transaction per consumer table. */
    private static Duration directWrites(String[] jdbc, List<Map<String, Object>> enterprises) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2])) {
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < 3; i++) {
                    statement.execute("CREATE TABLE IF NOT EXISTS bench_view_" + i + " (code text PRIMARY KEY,"
                            + " name text NOT NULL, district text NOT NULL, management_class text NOT NULL,"
                            + " version bigint NOT NULL)");
                    statement.execute("TRUNCATE bench_view_" + i);
                }
            }
            connection.setAutoCommit(false);
            Instant begin = Instant.now();
            for (int i = 0; i < 3; i++) {
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
