package gov.envgov.complaint.reward;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code complaint_reward} table. */
@Repository
public class RewardRepository {

    private static final String COLUMNS = """
            id, complaint_id, status, severity, amount_yuan, grounds, proposed_by, proposed_at, decided_by,
            decided_at, refusal_reason, payment_reference, paid_by, paid_at, version""";

    private final DatabaseClient db;

    RewardRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a proposal; false when the complaint has a reward already. */
    public Mono<Boolean> insert(Reward reward) {
        return db.sql("""
                        INSERT INTO complaint_reward (id, complaint_id, status, severity, amount_yuan, grounds,
                            proposed_by, proposed_at, version)
                        VALUES (:id, :complaint, :status, :severity, :amount, :grounds, :by, :at, :version)
                        ON CONFLICT (complaint_id) DO NOTHING""")
                .bind("id", reward.id()).bind("complaint", reward.complaintId())
                .bind("status", reward.status().name()).bind("severity", reward.severity().name())
                .bind("amount", reward.amountYuan()).bind("grounds", reward.grounds())
                .bind("by", reward.proposedBy()).bind("at", reward.proposedAt()).bind("version", reward.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Stores the next state; false when someone else changed the reward meanwhile. */
    public Mono<Boolean> update(Reward r) {
        return db.sql("""
                        UPDATE complaint_reward SET status = :status, decided_by = :decidedBy,
                            decided_at = :decidedAt, refusal_reason = :refusal, payment_reference = :reference,
                            paid_by = :paidBy, paid_at = :paidAt, version = :version
                        WHERE id = :id AND version = :version - 1""")
                .bind("id", r.id()).bind("status", r.status().name())
                .bind("decidedBy", Parameter.fromOrEmpty(r.decidedBy(), String.class))
                .bind("decidedAt", Parameter.fromOrEmpty(r.decidedAt(), Instant.class))
                .bind("refusal", Parameter.fromOrEmpty(r.refusalReason(), String.class))
                .bind("reference", Parameter.fromOrEmpty(r.paymentReference(), String.class))
                .bind("paidBy", Parameter.fromOrEmpty(r.paidBy(), String.class))
                .bind("paidAt", Parameter.fromOrEmpty(r.paidAt(), Instant.class))
                .bind("version", r.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Reward> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint_reward WHERE id = :id").bind("id", id)
                .map(RewardRepository::read).one();
    }

    public Mono<Reward> findByComplaint(UUID complaintId) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint_reward WHERE complaint_id = :id").bind("id", complaintId)
                .map(RewardRepository::read).one();
    }

    /** Rewards in one state, or all; oldest proposal first, so the longest waiting leads. */
    public Flux<Reward> list(@Nullable RewardStatus status, long offset, int limit) {
        var spec = db.sql("SELECT " + COLUMNS + " FROM complaint_reward"
                + (status == null ? "" : " WHERE status = :status")
                + " ORDER BY proposed_at, id LIMIT :limit OFFSET :offset");
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.bind("limit", limit).bind("offset", offset).map(RewardRepository::read).all();
    }

    public Mono<Long> count(@Nullable RewardStatus status) {
        var spec = db.sql("SELECT count(*) AS n FROM complaint_reward"
                + (status == null ? "" : " WHERE status = :status"));
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(row -> row.get("n", Long.class)).one();
    }

    private static Reward read(Readable row) {
        return new Reward(row.get("id", UUID.class), row.get("complaint_id", UUID.class),
                RewardStatus.valueOf(row.get("status", String.class)),
                RewardSeverity.valueOf(row.get("severity", String.class)), row.get("amount_yuan", Integer.class),
                row.get("grounds", String.class), row.get("proposed_by", String.class),
                row.get("proposed_at", Instant.class), row.get("decided_by", String.class),
                row.get("decided_at", Instant.class), row.get("refusal_reason", String.class),
                row.get("payment_reference", String.class), row.get("paid_by", String.class),
                row.get("paid_at", Instant.class), row.get("version", Long.class));
    }
}
