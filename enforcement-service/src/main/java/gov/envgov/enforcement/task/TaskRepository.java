package gov.envgov.enforcement.task;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TaskRepository {

    private static final String COLUMNS = "id, draw_id, enterprise_code, status, inspectors, version";

    private final DatabaseClient db;

    TaskRepository(DatabaseClient db) {
        this.db = db;
    }

    /** False when the draw's unit has its task already (a draw's inspectors are drawn once). */
    Mono<Boolean> insert(InspectionTask task, Instant now) {
        return db.sql("""
                        INSERT INTO inspection_task (id, draw_id, enterprise_code, status, inspectors, created_at,
                                                     version)
                        VALUES (:id, :draw, :code, :status, :inspectors, :now, 0)
                        ON CONFLICT (draw_id, enterprise_code) DO NOTHING""")
                .bind("id", task.id()).bind("draw", task.drawId()).bind("code", task.enterpriseCode())
                .bind("status", task.status().name()).bind("inspectors", task.inspectors().toArray(UUID[]::new))
                .bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Boolean> updateInspectors(InspectionTask next) {
        return db.sql("UPDATE inspection_task SET inspectors = :inspectors, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .bind("inspectors", next.inspectors().toArray(UUID[]::new)).bind("id", next.id())
                .bind("version", next.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Moves a task on, conditional on the version it was read at. */
    Mono<Boolean> updateStatus(InspectionTask task, TaskStatus next) {
        return db.sql("UPDATE inspection_task SET status = :status, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .bind("status", next.name()).bind("id", task.id()).bind("version", task.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Tasks as the public reads them, newest draw first: the unit's code and name only once the task is done (the
     * drawn list is confidential until the inspection).
     */
    Flux<PublicTask> publicTasks(UUID drawId, long offset, int limit) {
        return db.sql("""
                        SELECT t.id, t.draw_id, d.period, d.district, t.status,
                               CASE WHEN t.status = :done THEN t.enterprise_code END AS code,
                               CASE WHEN t.status = :done THEN p.name END AS name
                        FROM inspection_task t
                        JOIN draw d ON d.id = t.draw_id
                        LEFT JOIN pool_entity p ON p.code = t.enterprise_code
                        WHERE (CAST(:draw AS uuid) IS NULL OR t.draw_id = :draw)
                        ORDER BY d.announced_at DESC, t.id LIMIT :limit OFFSET :offset""")
                .bind("done", TaskStatus.DONE.name())
                .bind("draw", Parameter.fromOrEmpty(drawId, UUID.class))
                .bind("limit", limit).bind("offset", offset)
                .map(row -> new PublicTask(row.get("id", UUID.class), row.get("draw_id", UUID.class),
                        row.get("period", String.class), row.get("district", String.class),
                        TaskStatus.valueOf(row.get("status", String.class)), row.get("code", String.class),
                        row.get("name", String.class)))
                .all();
    }

    Mono<Long> countPublicTasks(UUID drawId) {
        return db.sql("SELECT count(*) AS n FROM inspection_task"
                        + " WHERE (CAST(:draw AS uuid) IS NULL OR draw_id = :draw)")
                .bind("draw", Parameter.fromOrEmpty(drawId, UUID.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    Mono<InspectionTask> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM inspection_task WHERE id = :id").bind("id", id)
                .map(TaskRepository::read).one();
    }

    /** A draw's tasks, by unit. */
    Flux<InspectionTask> ofDraw(UUID drawId) {
        return db.sql("SELECT " + COLUMNS + " FROM inspection_task WHERE draw_id = :draw ORDER BY enterprise_code")
                .bind("draw", drawId).map(TaskRepository::read).all();
    }

    private static InspectionTask read(Readable row) {
        return new InspectionTask(row.get("id", UUID.class), row.get("draw_id", UUID.class),
                row.get("enterprise_code", String.class), TaskStatus.valueOf(row.get("status", String.class)),
                Arrays.asList(row.get("inspectors", UUID[].class)), row.get("version", Long.class));
    }
}
