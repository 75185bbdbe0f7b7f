package gov.envgov.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load for the benchmarks: clients that call as fast as answers come, and latency percentiles. */
final class Load {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Load() {
    }

    interface Call {
        boolean call() throws Exception;
    }

    /** Runs the call from {@code clients} threads for the duration; returns each successful call's latency (ns). */
    static List<Long> run(int clients, Duration duration, Call call) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            if (call.call()) {
                                latencies.add(System.nanoTime() - start);
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            System.out.println("  (" + failures.get() + " failed calls)");
        }
        return new ArrayList<>(latencies);
    }

    static boolean post(String url, String token, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    }

    static boolean get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
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
