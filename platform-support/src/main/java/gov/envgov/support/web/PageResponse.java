package gov.envgov.support.web;

import java.util.List;

/** One page of a list: every list endpoint answers in this shape. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public PageResponse {
        items = List.copyOf(items);
    }
}
