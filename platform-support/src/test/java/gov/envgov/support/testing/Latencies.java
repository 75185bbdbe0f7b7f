package gov.envgov.support.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The latencies of one benchmark run: {@code requests} calls, at most {@code clients} in flight at once, each timed
 * from subscription to its value. For benchmarks that compare an endpoint with baselines measured in the same run.
 */
public record Latencies(List<Long> nanos, long wallNanos) {

    public Latencies {
        nanos = nanos.stream().sorted().toList();
    }

    public static Latencies run(IntFunction<Mono<?>> call, int requests, int clients) {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>(requests));
        long start = System.nanoTime();
        Flux.range(0, requests).flatMap(i -> Mono.defer(() -> {
            long begun = System.nanoTime();
            return call.apply(i).doOnSuccess(ignored -> nanos.add(System.nanoTime() - begun));
        }), clients).then().block(Duration.ofMinutes(20));
        return new Latencies(new ArrayList<>(nanos), System.nanoTime() - start);
    }

    /** One line: p50, p99, throughput, and the p99 as a ratio of two baselines' p99. */
    public static void print(String what, Latencies latencies, Latencies selectOne, Latencies direct) {
        System.out.printf("  %-42s p50 %7.2f ms  p99 %7.2f ms  %7.0f req/s  p99 ÷ SELECT 1 %6.1f  p99 ÷ own SQL"
                        + " %5.2f%n", what, latencies.millis(0.50), latencies.millis(0.99), latencies.throughput(),
                latencies.millis(0.99) / selectOne.millis(0.99), latencies.millis(0.99) / direct.millis(0.99));
    }

    public int count() {
        return nanos.size();
    }

    public double millis(double quantile) {
        int index = (int) Math.ceil(quantile * nanos.size()) - 1;
        return nanos.get(Math.max(0, index)) / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    public double throughput() {
        return nanos.size() / (wallNanos / 1e9);
    }
}
