package gov.envgov.complaint.complaint;

import org.jspecify.annotations.Nullable;

/**
 * What a complaint reports, as registered: its kind, what it is about, where, and against whom. Whatever channel it
 * came through, intake turns it into these facts.
 */
public record ComplaintFacts(ComplaintType type, Category category, String description, String district,
                             @Nullable String enterpriseCode, @Nullable String address, @Nullable Location location) {
}
