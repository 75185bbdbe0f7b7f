package gov.envgov.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import gov.envgov.launcher.process.Platform;
import gov.envgov.support.testing.BenchmarkReport;
import gov.envgov.support.testing.Latencies;

/**
 * Figures of the complaint line (issue 4), each with its baseline measured in the same run:
 * <ul>
 *   <li>complaint filing through the gateway with real tokens (stored, routed, event written), as a ratio to a
 *       no-op request through the gateway at the same load (goal ≥ 0.6; the old goal against pgbench inserts is
 *       withdrawn: the gateway alone tops out near 2,100 no-op requests/s on two cores);</li>
 *   <li>the operator queue with 1,000,000 complaints stored: p99 latency at 50 concurrent clients (goal ≤ 50 ms),
 *       with the no-op request's p99 at the same load as its baseline.</li>
 * </ul>
 * The services run with the full JIT here (the launcher's default favours start-up), after a warm-up.
 */
class ComplaintBenchmark {

    /**
     * Five JVMs share two cores here: C2 keeps compiling for minutes (measured: filing straight to the service went
     * 127 → 167 → 201/s over three 20-second runs after a first minute), so warm up well before measuring.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(180);
    private static final Duration MEASURE = Duration.ofSeconds(30);

    @Test
    void filingThroughputAndOperatorQueueLatency() throws Exception {
        PlatformConfig base = TestPlatform.config("complaint-benchmark-home", false);
        PlatformConfig config = new PlatformConfig(base.repository(), base.home(), base.portOffset(),
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8"), false,
                base.jwtClockSkew(), base.startTimeout(), base.environment());
        Platform platform = new Platform(config).start();
        try {
            Http http = new Http();
            String citizen = http.passwordToken(config.keycloakUrl(), "citizen1", "demo");
            String filing = config.gatewayUrl() + "/api/complaints";
            String body = Http.json().writeValueAsString(Map.of("category", "AIR", "district", "兴隆台区",
                    "description", "基准测试：夜间烟囱冒黑烟"));

            // The baseline: a request that costs the gateway and a service as little as one can (a constant list, no
            // token, no database), at the same load in the same run. The gateway alone tops out near 2,100 of these
            // a second on two cores, so filing is measured against what the platform's plumbing allows.
            String noOp = config.gatewayUrl() + "/open311/v2/services.json";
            Load.run(32, WARM_UP, () -> Load.post(filing, citizen, body));
            Latencies filed = Load.measure(32, Duration.ZERO, MEASURE, () -> Load.post(filing, citizen, body));
            Latencies trivial = Load.measure(32, Duration.ofSeconds(20), MEASURE, () -> Load.get(noOp, null));
            BenchmarkReport.ratioAtLeast("complaint filing through the gateway (32 clients, real tokens, stored +"
                    + " routed + event) ÷ a no-op request through the gateway", filed.throughput(), "req/s",
                    "GET /open311/v2/services.json", trivial.throughput(), 0.6);

            String[] jdbc = platform.jdbc("complaint");
            seedMillion(jdbc);
            // Tokens live five minutes: the operator's is fetched now, not before the filing run.
            String operator = http.passwordToken(config.keycloakUrl(), "operator1", "demo");
            String queue = config.gatewayUrl() + "/api/complaints/queue?size=20";
            Latencies queued = Load.measure(50, Duration.ofSeconds(90), MEASURE, () -> Load.get(queue, operator));
            Latencies baseline = Load.measure(50, Duration.ofSeconds(10), MEASURE, () -> Load.get(noOp, null));
            BenchmarkReport.latency("operator queue, 1,000,000 complaints, 50 clients", queued,
                    "no-op through the gateway", baseline, 50);
        } finally {
            platform.close();
        }
    }

    /**
     * A million complaints, most closed as in a real year, spread over the districts and the last 12 months. The
     * filing run's complaints count towards the million and are closed first: a real queue holds a few percent of a
     * year's complaints, not everything filed in the last minutes (and the figure should not depend on how fast the
     * filing run was).
     */
    private static void seedMillion(String[] jdbc) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE complaint SET status = 'CLOSED' WHERE status = 'REGISTERED'");
            long filed;
            try (var count = statement.executeQuery("SELECT count(*) FROM complaint")) {
                count.next();
                filed = count.getLong(1);
            }
            statement.execute("""
                    INSERT INTO complaint (id, tracking_code, filed_by, channel, type, category, description, district,
                                           status, registered_at, due_date, handling_unit, version)
                    SELECT gen_random_uuid(), 'HB-SEED-' || g, 'seed', 'WEB', 'COMPLAINT',
                           (ARRAY['AIR','WATER','NOISE','ODOUR','SOLID_WASTE'])[1 + g % 5], '种子数据',
                           (ARRAY['双台子区','兴隆台区','大洼区','盘山县','辽东湾新区'])[1 + g % 5],
                           CASE WHEN g % 100 < 95 THEN 'CLOSED'
                                WHEN g % 100 < 97 THEN 'REGISTERED'
                                WHEN g % 100 < 98 THEN 'HANDLING'
                                ELSE 'REPLIED' END,
                           now() - (g % 365) * interval '1 day', (now() - (g % 365) * interval '1 day')::date + 21,
                           CASE WHEN g % 100 >= 97 THEN '兴隆台区生态环境分局' END, 1
                    FROM generate_series(1, $ROWS) g""".replace("$ROWS", String.valueOf(1_000_000 - filed)));
            // The steady state of a real table: autovacuum has run, the visibility map is set. A vacuum cannot set
            // it while a transaction older than the insert still runs (the event feed is still numbering the filing
            // run's events), so vacuum again until it has.
            for (int attempt = 0; attempt < 60; attempt++) {
                statement.execute("VACUUM ANALYZE complaint");
                try (var visible = statement.executeQuery("SELECT relallvisible::float / greatest(relpages, 1)"
                        + " FROM pg_class WHERE relname = 'complaint'")) {
                    visible.next();
                    if (visible.getDouble(1) > 0.95) {
                        return;
                    }
                }
                Thread.sleep(1_000);
            }
            System.out.println("  (the visibility map of complaint stayed incomplete: counts read the heap)");
        }
    }
}
