package gov.envgov.complaint.complaint;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One step in a complaint's audit trail as staff read it: when, who, what, and its recorded details (a return's
 * unit and reason among them). The filer of the complaint is named only to admins.
 */
public record ComplaintHistoryEntry(Instant at, String actor, String action, JsonNode details) {
}
