package gov.envgov.support.events;

import java.util.List;

/**
 * A page of the feed after a position. {@code lastPosition} is the highest position served in this page, or the
 * requested position when the page is empty.
 */
public record FeedPage(List<FeedEvent> events, long lastPosition) {

    public FeedPage {
        events = List.copyOf(events);
    }
}
