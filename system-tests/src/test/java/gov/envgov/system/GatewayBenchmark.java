package gov.envgov.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import gov.envgov.launcher.process.Platform;
import gov.envgov.support.testing.BenchmarkReport;
import gov.envgov.support.testing.Latencies;

/**
 * What the gateway hop costs (issue 16), as requests per second through the gateway ÷ the same request straight to
 * the service, both at the same load in the same run:
 * <ul>
 *   <li>a read backed by the database ({@code GET /api/public/permits/{id}}, one permit of the demo data): goal ≥ 0.8;
 *   </li>
 *   <li>a trivial request ({@code GET /open311/v2/services.json}, a constant list): goal ≥ 0.5 (nginx in front of
 *       nginx manages 0.48 on these two cores).</li>
 * </ul>
 * The load generator shares the two cores with the platform; each pair is measured back to back after its own
 * warm-up, gateway first, then direct, then the gateway again, and the gateway's figure is the mean of its two runs,
 * so that drift over the run (the JIT still compiling) does not favour one side.
 */
class GatewayBenchmark {

    private static final int CLIENTS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(45);
    private static final Duration MEASURE = Duration.ofSeconds(20);

    @Test
    void gatewayHop() throws Exception {
        // The full JIT, as in production and in the other throughput benchmarks (the launcher's default favours
        // start-up: with C1 alone the gateway managed 0.31 of the direct rate on the DB-backed read).
        PlatformConfig base = TestPlatform.config("gateway-benchmark-home", true);
        PlatformConfig config = new PlatformConfig(base.repository(), base.home(), base.portOffset(),
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8"), true,
                base.jwtClockSkew(), base.startTimeout(), base.environment());
        Platform platform = TestPlatform.start(config);
        try {
            Http http = new Http();
            String permit = Http.parse(http.get(config.gatewayUrl() + "/api/public/permits?size=1", null))
                    .get("items").get(0).get("id").asString();
            String gateway = config.gatewayUrl();
            String permitService = "http://localhost:" + config.servicePort("permit-service");
            String complaintService = "http://localhost:" + config.servicePort("complaint-service");

            hop("gateway hop on a DB-backed read (GET /api/public/permits/{id})",
                    gateway + "/api/public/permits/" + permit, permitService + "/api/public/permits/" + permit, 0.8);
            hop("gateway hop on a trivial request (GET /open311/v2/services.json)",
                    gateway + "/open311/v2/services.json", complaintService + "/open311/v2/services.json", 0.5);
        } finally {
            platform.close();
        }
    }

    private static void hop(String figure, String viaGateway, String direct, double goal) {
        Latencies first = Load.measure(CLIENTS, WARM_UP, MEASURE, () -> Load.get(viaGateway, null));
        Latencies straight = Load.measure(CLIENTS, WARM_UP, MEASURE, () -> Load.get(direct, null));
        Latencies second = Load.measure(CLIENTS, Duration.ofSeconds(5), MEASURE, () -> Load.get(viaGateway, null));
        double gatewayRate = (first.throughput() + second.throughput()) / 2;
        System.out.printf("  %s: gateway %.0f and %.0f req/s (p99 %.1f, %.1f ms), direct %.0f req/s (p99 %.1f ms)%n",
                figure, first.throughput(), second.throughput(), first.millis(0.99), second.millis(0.99),
                straight.throughput(), straight.millis(0.99));
        BenchmarkReport.ratioAtLeast(figure + ", " + CLIENTS + " clients, via gateway ÷ direct", gatewayRate,
                "req/s", "straight to the service", straight.throughput(), goal);
    }
}
