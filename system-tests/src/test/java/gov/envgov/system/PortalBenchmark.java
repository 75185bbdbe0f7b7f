package gov.envgov.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import gov.envgov.launcher.process.Platform;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The public home and report pages at 20 concurrent browsers' worth of requests: time to first byte of the page and
 * full load (the page, then its stylesheet and scripts fetched in parallel, as a browser does), p95, against the
 * same measurement of one static asset through the same gateway and portal (the floor of any page); and each
 * page's weight (page and assets, uncompressed). Run with {@code ./mvnw -B verify -pl system-tests -Pbenchmark
 * -Dit.test=PortalBenchmark}.
 */
class PortalBenchmark {

    static final int BROWSERS = 20;
    static final Duration RUN = Duration.ofSeconds(20);
    static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    private final HttpClient client = HttpClient
            .create(ConnectionProvider.builder("browsers").maxConnections(BROWSERS * 6).pendingAcquireMaxCount(-1)
                    .build())
            .runOn(LoopResources.create("browsers", 1, true))
            .responseTimeout(Duration.ofSeconds(30));

    record Visit(long firstByteNanos, long fullLoadNanos, long bytes) {
    }

    @Test
    void homeAndReportPagesAtTwentyBrowsers() throws Exception {
        try (Platform platform = TestPlatform.start("portal-bench-home", true)) {
            String gateway = platform.config().gatewayUrl();
            // Warm-up: templates compiled, connections open, JIT past its first tier.
            measure(gateway, "/", Duration.ofSeconds(10));
            measure(gateway, "/report", Duration.ofSeconds(5));

            List<Visit> floor = measure(gateway, "/css/portal.css", RUN);
            System.out.println();
            System.out.printf("Portal pages at %d concurrent browsers, %d s each, through the gateway%n", BROWSERS,
                    RUN.toSeconds());
            print("static asset (floor)", floor, floor);
            for (String page : List.of("/", "/report")) {
                print(page, measure(gateway, page, RUN), floor);
            }
        }
    }

    private void print(String page, List<Visit> visits, List<Visit> floor) {
        double ttfb = p95(visits, true);
        double full = p95(visits, false);
        System.out.printf("  %-22s %6d visits  TTFB p95 %7.1f ms (%.1f× floor)  full load p95 %7.1f ms (%.1f× floor)"
                        + "  weight %.1f KB%n", page, visits.size(), ttfb, ttfb / p95(floor, true), full,
                full / p95(floor, false), visits.isEmpty() ? 0 : visits.get(0).bytes() / 1024.0);
    }

    private static double p95(List<Visit> visits, boolean firstByte) {
        List<Long> values = new ArrayList<>();
        for (Visit visit : visits) {
            values.add(firstByte ? visit.firstByteNanos() : visit.fullLoadNanos());
        }
        Collections.sort(values);
        return values.isEmpty() ? Double.NaN : values.get((int) Math.ceil(0.95 * values.size()) - 1) / 1e6;
    }

    /** {@link #BROWSERS} browsers visiting the page again and again for the duration. */
    private List<Visit> measure(String gateway, String page, Duration duration) {
        List<Visit> visits = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        Flux.range(0, BROWSERS)
                .flatMap(browser -> Mono.defer(() -> visit(gateway, page))
                        .doOnNext(visits::add)
                        .onErrorResume(error -> {
                            failures.incrementAndGet();
                            return Mono.empty();
                        })
                        .repeat(() -> System.nanoTime() < end), BROWSERS)
                .blockLast();
        if (failures.get() > 0) {
            System.out.println("  (" + failures.get() + " failed visits of " + page + ")");
        }
        return new ArrayList<>(visits);
    }

    private Mono<Visit> visit(String gateway, String page) {
        long start = System.nanoTime();
        long[] firstByte = new long[1];
        return client.get().uri(gateway + page)
                .responseSingle((response, body) -> {
                    firstByte[0] = System.nanoTime() - start;
                    if (response.status().code() != 200) {
                        return Mono.error(new IllegalStateException(page + ": " + response.status()));
                    }
                    String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
                    return body.asString().map(html -> new String[] {html, length});
                })
                .flatMap(html -> {
                    List<String> assets = new ArrayList<>();
                    Matcher matcher = ASSET.matcher(html[0]);
                    while (matcher.find()) {
                        assets.add(matcher.group(1));
                    }
                    long pageBytes = html[1] == null ? html[0].getBytes(java.nio.charset.StandardCharsets.UTF_8)
                            .length : Long.parseLong(html[1]);
                    return Flux.fromIterable(assets)
                            .flatMap(asset -> client.get().uri(gateway + asset)
                                    .responseSingle((response, body) -> body.asByteArray()
                                            .map(bytes -> (long) bytes.length).defaultIfEmpty(0L)), 6)
                            .reduce(pageBytes, Long::sum)
                            .map(bytes -> new Visit(firstByte[0], System.nanoTime() - start, bytes));
                });
    }
}
