package gov.envgov.support.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list: every list endpoint answers in this shape. A list too long to count on every request answers
 * an estimated total and says so ({@code totalExact} false, PERF-PERMIT-SEARCH).
 */
public record PageResponse<T>(
        List<T> items, int page, int size,
        @Schema(description = "How many items match: exact when totalExact is true, otherwise the database's "
                + "estimate, and more than the list counts exactly") long total,
        @Schema(description = "Whether total is an exact count (true) or an estimate of a long list (false)",
                requiredMode = Schema.RequiredMode.REQUIRED) boolean totalExact) {

    public PageResponse {
        items = List.copyOf(items);
    }

    /** A page of a list whose total is counted exactly. */
    public PageResponse(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    /** The same page with each item mapped (an aggregate to its response record). */
    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<R>(items.stream().<R>map(mapper).toList(), page, size, total, totalExact);
    }
}
