package gov.envgov.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.envgov.support.testing.ReactiveDatabase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** The feed against a real PostgreSQL, with writers whose transactions commit out of order. */
class EventFeedIT {

    private static final int WRITERS = 400;

    private final JsonMapper json = JsonMapper.builder().build();
    private ReactiveDatabase database;
    private Outbox outbox;
    private EventFeed feed;

    record Written(String id, int n) implements PublishedEvent {
        @Override
        public String aggregateType() {
            return "Test";
        }

        @Override
        public String aggregateId() {
            return id;
        }
    }

    @BeforeEach
    void setUp() {
        database = ReactiveDatabase.create("feed", 60);
        outbox = new Outbox(database.client(), json, Clock.systemUTC());
        feed = new EventFeed(database.client(), database.transactions(), json);
        database.client().sql("CREATE TABLE applied (aggregate_id text PRIMARY KEY, consumer text NOT NULL)")
                .then().block();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** Each writer inserts its event early and commits after a random pause, so commit order differs from insert order. */
    private Mono<Void> write(int n) {
        Mono<Void> work = outbox.append(new Written("w-" + n, n))
                .then(Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(0, 60))))
                .then();
        return database.transactions().transactional(work);
    }

    private Mono<Void> writeAll() {
        return Flux.range(0, WRITERS).flatMap(this::write, 50).then();
    }

    @Test
    void eventsAppendedInBulkAreOnTheFeedInTheOrderGiven() {
        List<Written> events = java.util.stream.IntStream.range(0, 250).mapToObj(n -> new Written("bulk-" + n, n))
                .toList();
        database.transactions().transactional(outbox.appendAll(events)).block();
        List<FeedEvent> read = new java.util.ArrayList<>();
        long after = 0;
        for (int page = 0; page < 20 && read.size() < 250; page++) {
            FeedPage next = feed.read(after, 100).block();
            read.addAll(next.events());
            after = next.events().isEmpty() ? after : next.events().get(next.events().size() - 1).position();
            if (next.events().isEmpty()) {
                sleep(Duration.ofMillis(100));
            }
        }
        assertThat(read).extracting(FeedEvent::aggregateId).containsExactlyElementsOf(
                events.stream().map(Written::id).toList());
        assertThat(read.get(249).payload().get("n").asInt()).isEqualTo(249);
    }

    @Test
    void aReaderPollingDuringOutOfOrderCommitsSeesEveryEventOnceAndInOrder() {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<FeedEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Mono<Void> writers = writeAll().doFinally(signal -> writing.set(false)).subscribeOn(Schedulers.parallel());
        Mono<Void> reader = Mono.defer(() -> {
                    long after = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).position();
                    return feed.read(after, 37);
                })
                .doOnNext(page -> seen.addAll(page.events()))
                .repeat(() -> writing.get() || seen.size() < WRITERS)
                .delayElements(Duration.ofMillis(3))
                .take(Duration.ofSeconds(60))
                .then();

        Mono.when(writers, reader).block(Duration.ofSeconds(90));

        assertThat(seen).hasSize(WRITERS);
        assertThat(seen.stream().map(FeedEvent::aggregateId).distinct()).hasSize(WRITERS);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).position()).isGreaterThan(seen.get(i - 1).position());
        }
        assertThat(seen.get(0).payload().get("n").isInt()).isTrue();
    }

    @Test
    void twoCompetingConsumersApplyEveryEventExactlyOnceWhileWritersCommitOutOfOrder() {
        FeedConsumerProperties properties = new FeedConsumerProperties(true, 25, Duration.ofMillis(5),
                Duration.ofMillis(5), Duration.ofMillis(50));
        EventHandler record = event -> database.client()
                .sql("INSERT INTO applied (aggregate_id, consumer) VALUES (:id, 'c')")
                .bind("id", event.aggregateId()).then();
        FeedSubscription subscription = new FeedSubscription("directory", "producer", java.util.Map.of("Written", record));
        FeedSource source = new LocalSource(feed);
        FeedConsumer first = new FeedConsumer(subscription, source, database.client(), database.transactions(), properties);
        FeedConsumer second = new FeedConsumer(subscription, source, database.client(), database.transactions(), properties);
        first.start();
        second.start();
        try {
            writeAll().block(Duration.ofSeconds(90));
            awaitApplied(WRITERS);
        } finally {
            first.stop();
            second.stop();
        }
        // A duplicate application would have violated the primary key and rolled back that page; the count and the
        // cursor tell that every event went in once.
        assertThat(count("SELECT count(*) AS n FROM applied")).isEqualTo(WRITERS);
        assertThat(first.position().block()).isEqualTo(WRITERS);
    }

    @Test
    void aPageWhoseHandlerFailsLeavesNoTraceAndIsAppliedAgain() {
        writeAll().block(Duration.ofSeconds(90));
        AtomicInteger calls = new AtomicInteger();
        EventHandler flaky = event -> database.client()
                .sql("INSERT INTO applied (aggregate_id, consumer) VALUES (:id, 'c')")
                .bind("id", event.aggregateId()).then()
                .then(Mono.defer(() -> calls.incrementAndGet() == 10
                        ? Mono.error(new IllegalStateException("crash in the middle of a page")) : Mono.empty()));
        FeedSubscription subscription = new FeedSubscription("directory", "producer", java.util.Map.of("Written", flaky));
        FeedConsumer consumer = new FeedConsumer(subscription, new LocalSource(feed), database.client(),
                database.transactions(), new FeedConsumerProperties(true, 50, null, null, null));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> consumer.pollOnce().block())
                .hasMessageContaining("crash");
        assertThat(count("SELECT count(*) AS n FROM applied")).isZero();
        assertThat(consumer.position().block()).isZero();

        assertThat(consumer.drain().block()).isEqualTo(WRITERS);
        assertThat(count("SELECT count(*) AS n FROM applied")).isEqualTo(WRITERS);
    }

    @Test
    void aConsumerBacksOffWhileTheProducerIsDownAndCatchesUpAfterwards() {
        writeAll().block(Duration.ofSeconds(90));
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        FeedSource flakyProducer = new FeedSource() {
            @Override
            public String producer() {
                return "producer";
            }

            @Override
            public Mono<FeedPage> fetch(long after, int limit) {
                if (down.get()) {
                    refused.incrementAndGet();
                    return Mono.error(new java.net.ConnectException("connection refused"));
                }
                return feed.read(after, limit);
            }
        };
        Set<String> applied = ConcurrentHashMap.newKeySet();
        EventHandler record = event -> Mono.fromRunnable(() -> applied.add(event.aggregateId()));
        FeedConsumer consumer = new FeedConsumer(new FeedSubscription("directory", "producer",
                java.util.Map.of("Written", record)), flakyProducer, database.client(), database.transactions(),
                new FeedConsumerProperties(true, 100, Duration.ofMillis(10), Duration.ofMillis(20),
                        Duration.ofMillis(200)));
        consumer.start();
        try {
            sleep(Duration.ofMillis(1500));
            // Exponential backoff: 20, 40, 80, 160, 200, 200 ... ms — a handful of attempts, not hundreds.
            assertThat(refused.get()).isBetween(3, 15);
            assertThat(applied).isEmpty();
            down.set(false);
            awaitCondition(() -> applied.size() == WRITERS);
        } finally {
            consumer.stop();
        }
        assertThat(consumer.position().block()).isEqualTo(WRITERS);
    }

    private long count(String sql) {
        return database.client().sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private void awaitApplied(int expected) {
        awaitCondition(() -> count("SELECT count(*) AS n FROM applied") == expected);
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real feed of the same database, read without HTTP. */
    private record LocalSource(EventFeed feed) implements FeedSource {
        @Override
        public String producer() {
            return "producer";
        }

        @Override
        public Mono<FeedPage> fetch(long after, int limit) {
            return feed.read(after, limit);
        }
    }

}
