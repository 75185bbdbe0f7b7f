package gov.envgov.complaint.intake;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * The {@code complaint_publication} table: whether a complaint's filer agreed to the public feed (written with the
 * registration) and whether staff marked its reply public.
 */
@Repository
public class ComplaintPublications {

    private final DatabaseClient db;

    ComplaintPublications(DatabaseClient db) {
        this.db = db;
    }

    /** The filer's answer at intake. */
    public record Consent(UUID complaintId, boolean consented) {
    }

    /** What the public feed may show of one complaint. */
    public record Publication(boolean consented, boolean replyPublic) {
    }

    Mono<Void> insertAll(List<Consent> consents) {
        if (consents.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO complaint_publication (complaint_id, consented) VALUES ");
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < consents.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :consented").append(i).append(')');
            values.put("id" + i, consents.get(i).complaintId());
            values.put("consented" + i, consents.get(i).consented());
        }
        return db.sql(sql.toString()).bindValues(values).then();
    }

    /** The complaint's publication; a complaint registered before consent was asked is not public. */
    public Mono<Publication> find(UUID complaintId) {
        return db.sql("SELECT consented, reply_public FROM complaint_publication WHERE complaint_id = :id")
                .bind("id", complaintId)
                .map(row -> new Publication(Boolean.TRUE.equals(row.get("consented", Boolean.class)),
                        Boolean.TRUE.equals(row.get("reply_public", Boolean.class))))
                .one()
                .defaultIfEmpty(new Publication(false, false));
    }

    /** Marks the reply public or not; false when the complaint has no publication row. */
    public Mono<Boolean> markReply(UUID complaintId, boolean replyPublic, String actor, Instant at) {
        return db.sql("""
                        UPDATE complaint_publication SET reply_public = :public, reply_marked_by = :by,
                               reply_marked_at = :at WHERE complaint_id = :id""")
                .bind("id", complaintId).bind("public", replyPublic).bind("by", actor).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
