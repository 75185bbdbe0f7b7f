package gov.envgov.permit.permit;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Works through the rows of a query one batch at a time until a batch comes back short, so that a clock never stops
 * at a row limit. Each batch is read completely and its rows stepped through before the next one is read (one
 * connection serves the whole transaction); the next batch starts after the last row of the one before, so a row
 * that a step leaves as it was is not read again.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * @param size       the most rows {@code batchAfter} returns
     * @param batchAfter the next batch after a row (the first batch after none), in the query's key order
     * @param step       what is done with each row; its results are the result
     */
    public static <T, R> Flux<R> untilShort(int size, Function<Optional<T>, Flux<T>> batchAfter,
                                            Function<T, Mono<R>> step) {
        Function<Optional<T>, Mono<Batch<T, R>>> run = after -> batchAfter.apply(after).collectList()
                .flatMap(rows -> Flux.fromIterable(rows).concatMap(step).collectList()
                        .map(results -> new Batch<>(rows, results)));
        return run.apply(Optional.empty())
                .expand(batch -> batch.rows().size() < size ? Mono.empty()
                        : run.apply(Optional.of(batch.rows().get(batch.rows().size() - 1))))
                .flatMapIterable(Batch::results);
    }

    private record Batch<T, R>(List<T> rows, List<R> results) {
    }
}
