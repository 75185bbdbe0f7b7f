package gov.envgov.support.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: every list endpoint answers in this shape. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public PageResponse {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped (an aggregate to its response record). */
    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<R>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
