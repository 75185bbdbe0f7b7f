package gov.envgov.system;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import gov.envgov.support.testing.Latencies;

/**
 * Closed-loop load for the benchmarks: clients that call again as soon as their answer comes, and latency
 * percentiles. The clients share one event-loop thread: the load generator runs on the same two cores as the
 * platform it measures, and a thread per client with the JDK's client took half a core from it (measured: the same
 * filing run gave 605/s that way against 1,000/s with wrk).
 */
final class Load {

    /** For the few calls that are not load (one-off requests, large uploads). */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final reactor.netty.http.client.HttpClient LOAD = reactor.netty.http.client.HttpClient
            .create(ConnectionProvider.builder("load").maxConnections(128).pendingAcquireMaxCount(-1).build())
            .runOn(LoopResources.create("load", 1, true))
            .responseTimeout(Duration.ofSeconds(30));

    private Load() {
    }

    /** One call: completes with whether the answer was the expected one. */
    interface Call {
        Mono<Boolean> call();
    }

    /** Runs {@code clients} concurrent callers for the duration; returns each successful call's latency (ns). */
    static List<Long> run(int clients, Duration duration, Call call) {
        List<Long> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        Flux.range(0, clients)
                .flatMap(client -> Mono.defer(() -> {
                    long start = System.nanoTime();
                    return call.call()
                            .onErrorReturn(false)
                            .doOnNext(ok -> {
                                if (ok) {
                                    synchronized (latencies) {
                                        latencies.add(System.nanoTime() - start);
                                    }
                                } else {
                                    failures.incrementAndGet();
                                }
                            });
                }).repeat(() -> System.nanoTime() < end), clients)
                .blockLast();
        if (failures.get() > 0) {
            System.out.println("  (" + failures.get() + " failed calls)");
        }
        synchronized (latencies) {
            return new ArrayList<>(latencies);
        }
    }

    /** A warm-up, then the measured run: its latencies and throughput for {@link gov.envgov.support.testing
     *  .BenchmarkReport}. */
    static Latencies measure(int clients, Duration warmUp, Duration measure, Call call) {
        if (!warmUp.isZero()) {
            run(clients, warmUp, call);
        }
        long start = System.nanoTime();
        List<Long> latencies = run(clients, measure, call);
        return new Latencies(latencies, System.nanoTime() - start);
    }

    static Mono<Boolean> post(String url, String token, String body) {
        return LOAD.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                .post().uri(url)
                .send(ByteBufFlux.fromString(Mono.just(body), StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT))
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code() == 201)));
    }

    static Mono<Boolean> get(String url, String token) {
        return LOAD.headers(headers -> {
                    if (token != null) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
                    }
                })
                .get().uri(url)
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code() == 200)));
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
