package gov.envgov.complaint.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code complaint_extension_request} table; lists carry the complaint's tracking code and due date. */
@Repository
public class ExtensionRequestRepository {

    private static final String COLUMNS = """
            r.id, r.complaint_id, r.unit, r.requested_by, r.working_days, r.reason, r.requested_at, r.status,
            r.decided_by, r.decided_at, r.approved_days, r.decision_note, r.due_date_after,
            c.tracking_code, c.due_date""";
    private static final String FROM = " FROM complaint_extension_request r JOIN complaint c ON c.id = r.complaint_id";

    private final DatabaseClient db;

    ExtensionRequestRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A request with the complaint it is about, as lists show it. */
    public record Listed(ExtensionRequest request, String trackingCode, @Nullable LocalDate dueDate) {
    }

    public Mono<Void> insert(ExtensionRequest r) {
        return db.sql("""
                        INSERT INTO complaint_extension_request (id, complaint_id, unit, requested_by, working_days,
                            reason, requested_at, status)
                        VALUES (:id, :complaintId, :unit, :requestedBy, :workingDays, :reason, :requestedAt,
                                :status)""")
                .bind("id", r.id())
                .bind("complaintId", r.complaintId())
                .bind("unit", r.unit())
                .bind("requestedBy", r.requestedBy())
                .bind("workingDays", r.workingDays())
                .bind("reason", r.reason())
                .bind("requestedAt", r.requestedAt())
                .bind("status", r.status().name())
                .then();
    }

    /** Stores a decision over a request still pending; false when it was decided meanwhile. */
    public Mono<Boolean> decide(ExtensionRequest r) {
        return db.sql("""
                        UPDATE complaint_extension_request SET status = :status, decided_by = :decidedBy,
                            decided_at = :decidedAt, approved_days = :approvedDays, decision_note = :note,
                            due_date_after = :dueDateAfter
                        WHERE id = :id AND status = :pending""")
                .bind("id", r.id())
                .bind("status", r.status().name())
                .bind("pending", ExtensionStatus.PENDING.name())
                .bind("decidedBy", Parameter.fromOrEmpty(r.decidedBy(), String.class))
                .bind("decidedAt", Parameter.fromOrEmpty(r.decidedAt(), Instant.class))
                .bind("approvedDays", Parameter.fromOrEmpty(r.approvedDays(), Integer.class))
                .bind("note", Parameter.fromOrEmpty(r.decisionNote(), String.class))
                .bind("dueDateAfter", Parameter.fromOrEmpty(r.dueDateAfter(), LocalDate.class))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    public Mono<Listed> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = :id").bind("id", id)
                .map(ExtensionRequestRepository::read).one();
    }

    /** The request of a complaint that waits for a decision, if there is one. */
    public Mono<Listed> pendingFor(UUID complaintId) {
        return db.sql("SELECT " + COLUMNS + FROM + " WHERE r.complaint_id = :complaintId AND r.status = :pending")
                .bind("complaintId", complaintId)
                .bind("pending", ExtensionStatus.PENDING.name())
                .map(ExtensionRequestRepository::read).one();
    }

    /** One complaint's requests, oldest first. */
    public Flux<Listed> ofComplaint(UUID complaintId, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + FROM + " WHERE r.complaint_id = :complaintId"
                        + " ORDER BY r.requested_at, r.id LIMIT :limit OFFSET :offset")
                .bind("complaintId", complaintId).bind("limit", limit).bind("offset", offset)
                .map(ExtensionRequestRepository::read).all();
    }

    public Mono<Long> countOfComplaint(UUID complaintId) {
        return db.sql("SELECT count(*) AS n FROM complaint_extension_request WHERE complaint_id = :complaintId")
                .bind("complaintId", complaintId).map(row -> row.get("n", Long.class)).one();
    }

    /** Requests in one state across complaints: the earliest due complaint first, so the most urgent leads. */
    public Flux<Listed> withStatus(ExtensionStatus status, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + FROM + " WHERE r.status = :status"
                        + " ORDER BY c.due_date, r.requested_at, r.id LIMIT :limit OFFSET :offset")
                .bind("status", status.name()).bind("limit", limit).bind("offset", offset)
                .map(ExtensionRequestRepository::read).all();
    }

    public Mono<Long> countWithStatus(ExtensionStatus status) {
        return db.sql("SELECT count(*) AS n FROM complaint_extension_request WHERE status = :status")
                .bind("status", status.name()).map(row -> row.get("n", Long.class)).one();
    }

    private static Listed read(Readable row) {
        return new Listed(new ExtensionRequest(
                row.get("id", UUID.class),
                row.get("complaint_id", UUID.class),
                row.get("unit", String.class),
                row.get("requested_by", String.class),
                row.get("working_days", Integer.class),
                row.get("reason", String.class),
                row.get("requested_at", Instant.class),
                ExtensionStatus.valueOf(row.get("status", String.class)),
                row.get("decided_by", String.class),
                row.get("decided_at", Instant.class),
                row.get("approved_days", Integer.class),
                row.get("decision_note", String.class),
                row.get("due_date_after", LocalDate.class)),
                row.get("tracking_code", String.class),
                row.get("due_date", LocalDate.class));
    }
}
