package gov.envgov.complaint.open311;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.support.sql.SqlValues;
import reactor.core.publisher.Mono;

/**
 * Which complaints the public feed shows (those whose filer agreed, {@code complaint_publication}) and when each was
 * last changed (its latest audited write: every change of a complaint is audited).
 */
@Repository
class PublicFeed {

    private final DatabaseClient db;

    PublicFeed(DatabaseClient db) {
        this.db = db;
    }

    /** Tracking codes of consented complaints matching the filters, newest first. Empty sets mean "any". */
    Mono<List<String>> search(Set<Category> categories, Instant start, Instant end, Set<ComplaintStatus> states,
                              int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.tracking_code FROM complaint c
                JOIN complaint_publication p ON p.complaint_id = c.id AND p.consented
                WHERE c.registered_at >= :start AND c.registered_at < :end""");
        if (!categories.isEmpty()) {
            sql.append(" AND c.category = ANY(:categories)");
        }
        if (!states.isEmpty()) {
            sql.append(" AND c.status = ANY(:states)");
        }
        var spec = db.sql(sql + " ORDER BY c.registered_at DESC, c.id LIMIT :limit")
                .bind("start", start).bind("end", end).bind("limit", limit);
        if (!categories.isEmpty()) {
            spec = spec.bind("categories", SqlValues.names(categories));
        }
        if (!states.isEmpty()) {
            spec = spec.bind("states", SqlValues.names(EnumSet.copyOf(states)));
        }
        return spec.map(row -> row.get("tracking_code", String.class)).all().collectList();
    }

    /** Those of the codes whose complaint is in the public feed. */
    Mono<List<String>> published(List<String> trackingCodes) {
        if (trackingCodes.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("""
                        SELECT c.tracking_code FROM complaint c
                        JOIN complaint_publication p ON p.complaint_id = c.id AND p.consented
                        WHERE c.tracking_code = ANY(:codes)""")
                .bind("codes", trackingCodes.toArray(String[]::new))
                .map(row -> row.get("tracking_code", String.class)).all().collectList();
    }

    /** Complaint ids whose reply staff marked public. */
    Mono<Set<UUID>> publicReplies(List<UUID> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT complaint_id FROM complaint_publication WHERE complaint_id = ANY(:ids) AND reply_public")
                .bind("ids", complaintIds.toArray(UUID[]::new))
                .map(row -> row.get("complaint_id", UUID.class)).all().collect(java.util.stream.Collectors.toSet());
    }

    /** The time of each complaint's latest audited change (reveals of the complainant are reads, not changes). */
    Mono<Map<UUID, Instant>> lastChanged(List<UUID> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT object_id, max(recorded_at) AS at FROM audit_log
                        WHERE object_type = :type AND object_id = ANY(:ids) AND action <> 'reveal-complainant'
                        GROUP BY object_id""")
                .bind("type", ComplaintStore.AUDIT_TYPE)
                .bind("ids", complaintIds.stream().map(UUID::toString).toArray(String[]::new))
                .map(row -> Map.entry(UUID.fromString(row.get("object_id", String.class)),
                        row.get("at", Instant.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
