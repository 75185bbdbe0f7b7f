package gov.envgov.permit.change;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code permit_change_request} table; at most one pending request per permit (a unique partial index). */
@Repository
class ChangeRequestRepository {

    private static final String COLUMNS = """
            id, permit_id, change, status, requested_by, requested_at, decided_by, decided_at, reason""";
    private static final Set<ChangeRequestStatus> PENDING = EnumSet.of(ChangeRequestStatus.PENDING);

    private final DatabaseClient db;
    private final JsonMapper json;

    ChangeRequestRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Stores a new request; false when the permit has a pending one already. */
    Mono<Boolean> insert(ChangeRequest request) {
        // No conflict target: the one a second pending request hits is the unique partial index on permit_id.
        return db.sql("""
                        INSERT INTO permit_change_request (id, permit_id, change, status, requested_by, requested_at)
                        VALUES (:id, :permit, :change, :status, :by, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("id", request.id()).bind("permit", request.permitId())
                .bind("change", Json.of(json.writeValueAsString(request.change())))
                .bind("status", request.status().name())
                .bind("by", request.requestedBy()).bind("at", request.requestedAt())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<ChangeRequest> pending(UUID permitId) {
        return db.sql("SELECT " + COLUMNS + " FROM permit_change_request"
                        + " WHERE permit_id = :permit AND status = ANY(:statuses)")
                .bind("permit", permitId).bind("statuses", SqlValues.names(PENDING)).map(this::read).one();
    }

    /** Stores a decision; false when the request was no longer in the state the decision was made from. */
    Mono<Boolean> decide(ChangeRequest before, ChangeRequest decided) {
        return db.sql("""
                        UPDATE permit_change_request SET status = :status, decided_by = :by, decided_at = :at,
                            reason = :reason
                        WHERE id = :id AND status = ANY(:from)""")
                .bind("id", decided.id()).bind("status", decided.status().name())
                .bind("by", Parameter.fromOrEmpty(decided.decidedBy(), String.class))
                .bind("at", Parameter.fromOrEmpty(decided.decidedAt(), Instant.class))
                .bind("reason", Parameter.fromOrEmpty(decided.reason(), String.class))
                .bind("from", SqlValues.names(EnumSet.of(before.status())))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private ChangeRequest read(Readable row) {
        return new ChangeRequest(row.get("id", UUID.class), row.get("permit_id", UUID.class),
                json.readValue(row.get("change", Json.class).asString(), PermitChange.class),
                ChangeRequestStatus.valueOf(row.get("status", String.class)), row.get("requested_by", String.class),
                row.get("requested_at", Instant.class), row.get("decided_by", String.class),
                row.get("decided_at", Instant.class), row.get("reason", String.class));
    }

}
