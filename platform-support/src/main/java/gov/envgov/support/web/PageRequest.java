package gov.envgov.support.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Paging parameters of list endpoints ({@code ?page=0&size=20}); bound from the query string. Both are optional:
 * the API description says so and gives their defaults.
 */
public record PageRequest(
        @Parameter(description = "The page, counted from 0", required = false,
                schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
        @Min(0) Integer page,
        @Parameter(description = "Items per page", required = false,
                schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
        @Min(1) @Max(200) Integer size) {

    public PageRequest {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
