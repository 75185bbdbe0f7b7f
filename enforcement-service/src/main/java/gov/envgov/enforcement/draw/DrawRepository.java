package gov.envgov.enforcement.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class DrawRepository {

    private static final String COLUMNS = "id, period, level, district, management_class, inspectors, seed,"
            + " seed_commitment, status, algorithm, snapshot_hash, pool_size, selection, announced_at, announced_by,"
            + " drawn_at, results_due, published_at, version";

    private final DatabaseClient db;

    DrawRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a new plan; false when a draw for the same period and scope exists (it would be a re-roll). */
    Mono<Boolean> insert(Draw draw) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", draw.id());
        values.put("period", draw.period());
        values.put("level", draw.level().name());
        values.put("district", Parameter.fromOrEmpty(draw.district(), String.class));
        values.put("class", draw.managementClass());
        values.put("inspectors", draw.inspectors());
        values.put("seed", draw.seed());
        values.put("commitment", draw.seedCommitment());
        values.put("status", draw.status().name());
        values.put("announcedAt", draw.announcedAt());
        values.put("announcedBy", draw.announcedBy());
        values.put("version", draw.version());
        return db.sql("""
                        INSERT INTO draw (id, period, level, district, management_class, inspectors, seed,
                                          seed_commitment, status, announced_at, announced_by, version)
                        VALUES (:id, :period, :level, :district, :class, :inspectors, :seed, :commitment, :status,
                                :announcedAt, :announcedBy, :version)
                        ON CONFLICT DO NOTHING""")
                .bindValues(values)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Writes a transition, conditional on the version it came from; false when somebody else was first. */
    Mono<Boolean> update(Draw next) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", next.id());
        values.put("status", next.status().name());
        values.put("algorithm", Parameter.fromOrEmpty(next.algorithm(), String.class));
        values.put("snapshotHash", Parameter.fromOrEmpty(next.snapshotHash(), String.class));
        values.put("poolSize", Parameter.fromOrEmpty(next.poolSize(), Integer.class));
        values.put("selection", next.selection().toArray(String[]::new));
        values.put("drawnAt", Parameter.fromOrEmpty(next.drawnAt(), Instant.class));
        values.put("resultsDue", Parameter.fromOrEmpty(next.resultsDue(), LocalDate.class));
        values.put("publishedAt", Parameter.fromOrEmpty(next.publishedAt(), Instant.class));
        values.put("version", next.version());
        return db.sql("""
                        UPDATE draw SET status = :status, algorithm = :algorithm, snapshot_hash = :snapshotHash,
                                        pool_size = :poolSize, selection = :selection, drawn_at = :drawnAt,
                                        results_due = :resultsDue, published_at = :publishedAt,
                                        version = version + 1
                        WHERE id = :id AND version = :version""")
                .bindValues(values)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Void> insertSnapshot(UUID drawId, String canonical) {
        return db.sql("INSERT INTO draw_snapshot (draw_id, canonical) VALUES (:id, :canonical)")
                .bind("id", drawId).bind("canonical", canonical).then();
    }

    Mono<String> snapshot(UUID drawId) {
        return db.sql("SELECT canonical FROM draw_snapshot WHERE draw_id = :id")
                .bind("id", drawId).map(row -> row.get("canonical", String.class)).one();
    }

    Mono<Draw> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM draw WHERE id = :id")
                .bind("id", id).map(DrawRepository::read).one();
    }

    /** Newest first; {@code statuses} restricts to these (the public sees announced plans and results alike). */
    Flux<Draw> list(List<DrawStatus> statuses, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM draw WHERE status = ANY(:statuses)"
                        + " ORDER BY announced_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("statuses", SqlValues.names(statuses)).bind("limit", limit).bind("offset", offset)
                .map(DrawRepository::read).all();
    }

    Mono<Long> count(List<DrawStatus> statuses) {
        return db.sql("SELECT count(*) AS n FROM draw WHERE status = ANY(:statuses)")
                .bind("statuses", SqlValues.names(statuses)).map(row -> row.get("n", Long.class)).one();
    }


    private static Draw read(Readable row) {
        String[] selection = row.get("selection", String[].class);
        return new Draw(row.get("id", UUID.class), row.get("period", String.class),
                SupervisionLevel.valueOf(row.get("level", String.class)), row.get("district", String.class),
                row.get("management_class", String.class), row.get("inspectors", Integer.class),
                row.get("seed", String.class), row.get("seed_commitment", String.class),
                DrawStatus.valueOf(row.get("status", String.class)), row.get("algorithm", String.class),
                row.get("snapshot_hash", String.class), row.get("pool_size", Integer.class),
                selection == null ? List.of() : Arrays.asList(selection), row.get("announced_at", Instant.class),
                row.get("announced_by", String.class), row.get("drawn_at", Instant.class),
                row.get("results_due", LocalDate.class), row.get("published_at", Instant.class),
                row.get("version", Long.class));
    }
}
