package gov.envgov.complaint.complaint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a work queue: the fields of every list ({@link PageResponse}), whether the total is exact, and where
 * the next page starts.
 */
public record QueuePage(
        List<ComplaintResponse> items, int page, int size,
        @Schema(description = "How many complaints the queue holds: exact when totalExact is true, otherwise the "
                + "database's estimate of a queue longer than envgov.complaint.queue.exact-total-up-to")
        long total,
        @Schema(description = "Whether total is an exact count (true) or an estimate of a long queue (false)",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean totalExact,
        @Schema(description = "Pass as after for the page that follows this one; absent when this page is not full")
        @Nullable String next) {

    public QueuePage {
        items = List.copyOf(items);
    }

    /** The page as every other list answers it. */
    public PageResponse<ComplaintResponse> asPage() {
        return new PageResponse<>(items, page, size, total);
    }
}
