package gov.envgov.support.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pulls one producer's feed and applies each page in one transaction together with the cursor, so every event takes
 * effect exactly once, whatever crashes or restarts in between. The cursor update is conditional on the position the
 * page was read from: a second replica that applied the same page first makes this transaction roll back.
 * <p>
 * While a producer is unreachable the consumer backs off exponentially (up to {@code maxBackoff}) and catches up from
 * its stored cursor when the producer answers again.
 */
public class FeedConsumer {

    private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);

    private final FeedSubscription subscription;
    private final FeedSource source;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final FeedConsumerProperties properties;
    private final AtomicInteger failures = new AtomicInteger();
    private Disposable running;

    public FeedConsumer(FeedSubscription subscription, FeedSource source, DatabaseClient db,
                        TransactionalOperator transactions, FeedConsumerProperties properties) {
        this.subscription = subscription;
        this.source = source;
        this.db = db;
        this.transactions = transactions;
        this.properties = properties;
    }

    public synchronized void start() {
        if (running != null) {
            return;
        }
        running = Mono.defer(this::pollOnce)
                .flatMap(applied -> applied >= properties.pageSize() ? Mono.<Void>empty()
                        : Mono.delay(properties.pollInterval()).then())
                .onErrorResume(this::backOff)
                .repeat()
                .subscribe();
    }

    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    /** Reads one page after the stored cursor and applies it; returns the number of events in the page. */
    public Mono<Integer> pollOnce() {
        return position().flatMap(after -> source.fetch(after, properties.pageSize())
                .flatMap(page -> page.events().isEmpty() ? Mono.just(0)
                        : transactions.transactional(Flux.fromIterable(page.events())
                                .concatMap(this::apply)
                                .then(advance(after, page.lastPosition())))
                        .thenReturn(page.events().size())))
                .doOnNext(applied -> {
                    if (failures.getAndSet(0) > 0) {
                        log.info("Feed {} from {} reachable again", subscription.consumer(), source.producer());
                    }
                });
    }

    /** Applies every page until the feed has nothing more; for start-up catch-up and tests. */
    public Mono<Long> drain() {
        return pollOnce().expand(applied -> applied > 0 ? pollOnce() : Mono.empty())
                .reduce(0L, (total, applied) -> total + applied);
    }

    public Mono<Long> position() {
        return db.sql("""
                        INSERT INTO event_cursor (consumer, producer) VALUES (:consumer, :producer)
                        ON CONFLICT (consumer, producer) DO UPDATE SET consumer = excluded.consumer
                        RETURNING position""")
                .bind("consumer", subscription.consumer())
                .bind("producer", source.producer())
                .map(row -> row.get("position", Long.class))
                .one();
    }

    private Mono<Void> apply(FeedEvent event) {
        EventHandler handler = subscription.handlers().get(event.type());
        return handler == null ? Mono.empty() : handler.apply(event);
    }

    private Mono<Void> advance(long from, long to) {
        return db.sql("""
                        UPDATE event_cursor SET position = :to, updated_at = now()
                        WHERE consumer = :consumer AND producer = :producer AND position = :from""")
                .bind("to", to)
                .bind("from", from)
                .bind("consumer", subscription.consumer())
                .bind("producer", source.producer())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("cursor of " + subscription.consumer()
                                + " moved concurrently; page rolled back")));
    }

    private Mono<Void> backOff(Throwable error) {
        int attempt = failures.incrementAndGet();
        Duration delay = properties.backoff(attempt);
        if (attempt == 1 || attempt % 10 == 0) {
            log.warn("Feed {} from {} failed (attempt {}), retrying in {}: {}", subscription.consumer(),
                    source.producer(), attempt, delay, error.toString());
        }
        return Mono.delay(delay).then();
    }
}
