package gov.envgov.support.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One event as the feed serves it: its position is the consumer's cursor. */
public record FeedEvent(long position, UUID eventId, String type, String aggregateType, String aggregateId,
                        Instant occurredAt, JsonNode payload) {
}
