package gov.envgov.complaint.complaint;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.Parameter;

/** What narrows a work queue ({@code ?status=&district=}) and where its page starts ({@code ?after=}); all optional. */
public record QueueFilter(
        @Parameter(description = "Only complaints in this state; it must be one of your queue's states",
                required = false)
        @Nullable ComplaintStatus status,
        @Parameter(description = "Only complaints of this district", required = false)
        @Nullable String district,
        @Parameter(description = "Start after this place: the next of the page before (keyset); page then only "
                + "numbers the answer", required = false)
        @Nullable String after) {

    /** The whole queue from its start. */
    public static final QueueFilter NONE = new QueueFilter(null, null, null);
}
