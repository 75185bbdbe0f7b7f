package gov.envgov.complaint.complainant;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code complainant_access} table: written on every access, never changed. */
@Repository
public class IdentityAccessLog {

    private final DatabaseClient db;

    IdentityAccessLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(UUID complaintId, String actor, IdentityAccess.View view, Instant at) {
        return db.sql("""
                        INSERT INTO complainant_access (complaint_id, actor, view, accessed_at)
                        VALUES (:complaint, :actor, :view, :at)""")
                .bind("complaint", complaintId).bind("actor", actor).bind("view", view.name()).bind("at", at)
                .then();
    }

    /** Who saw the identity given with one complaint, oldest first. */
    public Flux<IdentityAccess> of(UUID complaintId) {
        return db.sql("""
                        SELECT actor, view, accessed_at FROM complainant_access
                         WHERE complaint_id = :complaint ORDER BY accessed_at, id""")
                .bind("complaint", complaintId)
                .map(row -> new IdentityAccess(row.get("actor", String.class),
                        IdentityAccess.View.valueOf(row.get("view", String.class)),
                        row.get("accessed_at", Instant.class)))
                .all();
    }
}
