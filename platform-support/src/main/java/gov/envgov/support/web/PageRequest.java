package gov.envgov.support.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Paging parameters of list endpoints ({@code ?page=0&size=20}); bound from the query string. */
public record PageRequest(@Min(0) Integer page, @Min(1) @Max(200) Integer size) {

    public PageRequest {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
