package gov.envgov.system;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import gov.envgov.launcher.process.Platform;
import gov.envgov.support.testing.BenchmarkReport;
import gov.envgov.support.testing.Latencies;

/**
 * Figures of the permit service (issue 3), each with its baseline measured in the same run:
 * <ul>
 *   <li>online-monitoring ingestion through the gateway with a real token (parsed, checked against the permit,
 *       duplicates refused, stored, episodes tracked), as a ratio to PostgreSQL's own COPY of the same rows into
 *       the same table on the same database;</li>
 *   <li>the reviewer queue and the public permit search with 100,000 permits stored: p99 at 50 clients.</li>
 * </ul>
 */
class PermitBenchmark {

    private static final int PERMITS = 100_000;
    private static final int SERIES_POINTS = 3_334;
    private static final int MEASURED_BATCHES = 96;
    private static final int WARM_UP_BATCHES = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(120);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final String[][] SERIES = {{"DA001", "二氧化硫", "50"}, {"DA001", "氮氧化物", "150"},
            {"DW001", "化学需氧量", "500"}};

    @Test
    void monitoringIngestionAndPermitQueries() throws Exception {
        PlatformConfig base = TestPlatform.config("permit-benchmark-home", false);
        PlatformConfig config = new PlatformConfig(base.repository(), base.home(), base.portOffset(),
                List.of("-Xms256m", "-Xmx768m", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8"), false,
                base.jwtClockSkew(), base.startTimeout(), base.environment());
        Platform platform = new Platform(config).start();
        try {
            String[] jdbc = platform.jdbc("permit");
            List<String> holders = seed(jdbc);
            Http http = new Http();
            String url = config.gatewayUrl() + "/api/monitoring/readings";

            // Warm-up: the same path with other enterprises, shifted back in time each round (no duplicates).
            long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
            AtomicInteger round = new AtomicInteger();
            while (System.nanoTime() < warmUpEnd) {
                int r = round.incrementAndGet();
                List<Batch> warm = new ArrayList<>();
                for (int i = 0; i < WARM_UP_BATCHES; i++) {
                    warm.add(batch(holders.get(MEASURED_BATCHES + i), r * 20 + 20, r));
                }
                send(url, monitoringToken(http, config), warm, 4);
            }
            truncate(jdbc);

            List<Batch> batches = new ArrayList<>();
            for (int i = 0; i < MEASURED_BATCHES; i++) {
                batches.add(batch(holders.get(i), 10, i));
            }
            long readings = batches.stream().mapToLong(b -> b.count).sum();
            for (int clients : new int[] {4, 8}) {
                truncate(jdbc);
                long start = System.nanoTime();
                long stored = send(url, monitoringToken(http, config), batches, clients);
                double gatewaySeconds = (System.nanoTime() - start) / 1e9;
                if (stored != readings) {
                    throw new IllegalStateException("stored " + stored + " of " + readings + " readings");
                }
                double perSecond = stored / gatewaySeconds;
                truncate(jdbc);
                double copySeconds = copy(jdbc, batches);
                double copyPerSecond = readings / copySeconds;
                BenchmarkReport.ratioAtLeast(String.format("monitoring ingestion through the gateway (%d clients,"
                        + " %,d readings checked + stored + episodes) ÷ COPY", clients, readings), perSecond,
                        "readings/s", "PostgreSQL COPY of the same rows into the same table", copyPerSecond, 0.6);
            }

            // Diagnostic, not the figure: the same run straight to permit-service, to see what the gateway costs.
            truncate(jdbc);
            String direct = "http://localhost:" + config.servicePort("permit-service") + "/api/monitoring/readings";
            long directStart = System.nanoTime();
            long directStored = send(direct, monitoringToken(http, config), batches, 4);
            System.out.printf("  diagnostic: straight to permit-service (no gateway), 4 clients: %,.0f readings/s%n",
                    directStored / ((System.nanoTime() - directStart) / 1e9));

            String reviewer = http.passwordToken(config.keycloakUrl(), "reviewer1", "demo");
            String queue = config.gatewayUrl() + "/api/permits/review-queue?size=20";
            // The baseline of both latencies: a no-op request through the gateway at the same load.
            String noOp = config.gatewayUrl() + "/open311/v2/services.json";
            Latencies trivial = Load.measure(50, Duration.ofSeconds(20), MEASURE, () -> Load.get(noOp, null));
            Latencies queued = Load.measure(50, Duration.ofSeconds(60), MEASURE, () -> Load.get(queue, reviewer));
            BenchmarkReport.latency("reviewer queue, 100,000 permits, 50 clients", queued,
                    "no-op through the gateway", trivial, 50);
            List<String> searches = List.of("?q=" + enc("盘锦"), "?q=" + enc("辽河"), "?district=" + enc("大洼区"),
                    "?district=" + enc("盘山县") + "&permitClass=KEY", "?q=91211103BM", "?permitClass=SIMPLIFIED&page=3",
                    "?q=" + enc("化工") + "&district=" + enc("兴隆台区"));
            AtomicLong next = new AtomicLong();
            Latencies searched = Load.measure(50, Duration.ofSeconds(60), MEASURE, () -> Load.get(
                    config.gatewayUrl() + "/api/public/permits"
                    + searches.get((int) (next.getAndIncrement() % searches.size())), null));
            BenchmarkReport.latency("public permit search, 100,000 permits, 50 clients", searched,
                    "no-op through the gateway", trivial, 50);
        } finally {
            platform.close();
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String monitoringToken(Http http, PlatformConfig config) {
        return http.token(config.keycloakUrl(), Map.of("grant_type", "client_credentials",
                "client_id", "monitoring-system", "client_secret", "dev-only-secret-monitoring-system"));
    }

    /** One request's readings: three series of one enterprise, one a minute, ending {@code daysBack} days ago. */
    private record Batch(String enterprise, String json, String copyRows, int count) {
    }

    private static Batch batch(String enterprise, int daysBack, int seed) {
        Random random = new Random(seed * 31L + enterprise.hashCode());
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(daysBack));
        StringBuilder json = new StringBuilder(SERIES_POINTS * SERIES.length * 140).append('[');
        StringBuilder rows = new StringBuilder(SERIES_POINTS * SERIES.length * 120);
        String received = Instant.now().toString();
        int count = 0;
        for (String[] series : SERIES) {
            double limit = Double.parseDouble(series[2]);
            for (int i = 0; i < SERIES_POINTS; i++) {
                Instant at = end.minus(Duration.ofMinutes(SERIES_POINTS - i));
                // About one reading in 400 is above the limit: a handful of episodes per batch.
                double value = Math.round((random.nextInt(400) == 0 ? limit * 1.2 : limit * (0.3 + random.nextDouble()
                        * 0.5)) * 100) / 100.0;
                int flow = 40_000 + random.nextInt(5_000);
                if (count > 0) {
                    json.append(',');
                }
                json.append("{\"enterprise\":\"").append(enterprise).append("\",\"outlet\":\"").append(series[0])
                        .append("\",\"pollutant\":\"").append(series[1]).append("\",\"timestamp\":\"").append(at)
                        .append("\",\"concentration\":").append(value).append(",\"flow\":").append(flow).append('}');
                rows.append(enterprise).append('\t').append(series[0]).append('\t').append(series[1]).append('\t')
                        .append(at).append('\t').append(value).append('\t').append((double) flow).append('\t')
                        .append(limit).append('\t').append(value > limit ? 't' : 'f').append('\t')
                        .append("system:service-account-monitoring-system").append('\t').append(received)
                        .append('\n');
                count++;
            }
        }
        return new Batch(enterprise, json.append(']').toString(), rows.toString(), count);
    }

    /** Sends the batches from {@code clients} threads, each taking the next; returns the readings stored. */
    private static long send(String url, String token, List<Batch> batches, int clients) throws Exception {
        ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>(batches);
        AtomicLong stored = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> errors = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                Batch batch;
                while ((batch = queue.poll()) != null) {
                    try {
                        HttpResponse<String> response = Load.CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(batch.json)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                        stored.addAndGet(Http.parse(response).get("stored").asLong());
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return stored.get();
    }

    /** The baseline: the same rows COPYed into the same table in one stream, as PostgreSQL's own loader does. */
    private static double copy(String[] jdbc, List<Batch> batches) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2])) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            for (Batch batch : batches) {
                copy.copyIn("COPY monitoring_reading (enterprise_code, outlet, pollutant, measured_at, concentration,"
                        + " flow, permitted, exceeds, source, received_at) FROM STDIN", new StringReader(batch.copyRows));
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void truncate(String[] jdbc) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE monitoring_reading, exceedance_episode");
        }
    }


    /**
     * 100,000 enterprises and permits: nine in ten issued (with their limits), the rest under review with decision
     * deadlines spread around today. Returns holders with a permit valid over the last months, for the readings.
     */
    private static List<String> seed(String[] jdbc) throws Exception {
        String[] districts = {"双台子区", "兴隆台区", "大洼区", "盘山县", "辽东湾新区"};
        String[] words = {"辽河", "红海滩", "鼎翔", "华锦", "中油", "北方", "渤海", "化工", "热电", "食品"};
        StringBuilder enterprises = new StringBuilder();
        for (int i = 0; i < PERMITS; i++) {
            String code = DemoDataCodes.complete("91211103BM" + base31(i, 7));
            enterprises.append(code).append('\t').append("盘锦").append(words[i % 10]).append(words[(i / 10) % 10])
                    .append("有限公司").append(i).append('\t').append(districts[i % 5]).append('\t')
                    .append(i % 10 < 3 ? "KEY" : "SIMPLIFIED").append('\t').append("1\t")
                    .append("2026-01-01T00:00:00Z\t2026-01-01T00:00:00Z\n");
        }
        String content = Http.json().writeValueAsString(Map.of("eiaApproval", "盘环审〔2021〕1号", "outlets", List.of(
                Map.of("code", "DA001", "name", "烟囱", "location", Map.of("longitude", 122.0, "latitude", 41.1),
                        "dischargeMode", "有组织", "destination", "大气", "pollutants", List.of(
                                limit("二氧化硫", 50, "mg/m3"), limit("氮氧化物", 150, "mg/m3"))),
                Map.of("code", "DW001", "name", "总排口", "location", Map.of("longitude", 122.0, "latitude", 41.1),
                        "dischargeMode", "间接排放", "destination", "污水处理厂", "pollutants", List.of(
                                limit("化学需氧量", 500, "mg/L"))))));
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
             Statement statement = connection.createStatement()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY enterprise (code, name, district,"
                    + " management_class, version, registered_at, changed_at) FROM STDIN",
                    new StringReader(enterprises.toString()));
            statement.execute("""
                    INSERT INTO permit (id, enterprise_code, holder_name, district, management_class, kind, status,
                                        content, submitted_on, completeness_due, accepted_on, decision_due, number,
                                        valid_from, valid_to, version, created_at, updated_at)
                    SELECT gen_random_uuid(), code, name, district, management_class, 'NEW', status, '%s'::jsonb,
                           CASE WHEN issued THEN NULL ELSE current_date - (n %% 40)::int END,
                           CASE WHEN issued THEN NULL ELSE current_date - (n %% 40)::int + 5 END,
                           CASE WHEN issued OR status = 'SUBMITTED' THEN NULL ELSE current_date - (n %% 40)::int END,
                           CASE WHEN issued THEN NULL ELSE current_date - 10 + (n %% 50)::int END,
                           CASE WHEN issued THEN code || '001P' END,
                           CASE WHEN issued THEN current_date - 60 - (n %% 1700)::int END,
                           CASE WHEN issued THEN (current_date - 60 - (n %% 1700)::int) + interval '5 years'
                                - interval '1 day' END,
                           1, now(), now()
                    FROM (SELECT code, name, district, management_class, n, n %% 10 <> 0 AS issued,
                                 CASE WHEN n %% 10 <> 0 THEN 'ISSUED'
                                      ELSE (ARRAY['SUBMITTED', 'ACCEPTED', 'SITE_CHECK'])[1 + (n / 10) %% 3] END
                                     AS status
                          FROM (SELECT *, row_number() OVER (ORDER BY code) AS n FROM enterprise) e) s"""
                    .formatted(content.replace("'", "''")));
            statement.execute("""
                    INSERT INTO permit_limit (permit_id, enterprise_code, outlet, pollutant, concentration, unit,
                                              annual_tonnes, valid_from, valid_to)
                    SELECT p.id, p.enterprise_code, l.outlet, l.pollutant, l.concentration, l.unit, 10, p.valid_from,
                           p.valid_to
                    FROM permit p CROSS JOIN (VALUES ('DA001', '二氧化硫', 50.0, 'mg/m3'),
                                                     ('DA001', '氮氧化物', 150.0, 'mg/m3'),
                                                     ('DW001', '化学需氧量', 500.0, 'mg/L'))
                                           AS l (outlet, pollutant, concentration, unit)
                    WHERE p.status = 'ISSUED'""");
            statement.execute("""
                    INSERT INTO permit_directory (id, number, enterprise_code, name_lower, district, management_class)
                    SELECT id, number, enterprise_code, lower(holder_name), district, management_class
                    FROM permit WHERE number IS NOT NULL""");
            statement.execute("VACUUM ANALYZE");
            List<String> holders = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT enterprise_code FROM permit WHERE status = 'ISSUED'"
                    + " AND valid_from < current_date - 40 ORDER BY enterprise_code LIMIT "
                    + (MEASURED_BATCHES + WARM_UP_BATCHES))) {
                while (rows.next()) {
                    holders.add(rows.getString(1));
                }
            }
            return holders;
        }
    }

    private static Map<String, Object> limit(String pollutant, double value, String unit) {
        return Map.of("pollutant", pollutant, "concentration", Map.of("value", value, "unit", unit, "standard", "GB"),
                "annualTonnes", 10.0);
    }

    private static String base31(int value, int digits) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            out.insert(0, alphabet.charAt(value % 31));
            value /= 31;
        }
        return out.toString();
    }
}
