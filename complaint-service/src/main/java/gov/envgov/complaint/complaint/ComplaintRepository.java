package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code complaint} table. States, types and escalation levels are bound as parameters (sets as arrays of
 * names), never written into the SQL: for the queues, PostgreSQL plans each execution with the bound array and
 * still proves the partial indexes' predicates from it.
 */
@Repository
public class ComplaintRepository {

    private static final String COLUMNS = """
            id, tracking_code, filed_by, channel, type, category, description, district, enterprise_code, address,
            longitude, latitude, status, registered_at, due_date, handling_unit, return_reason, substantiated,
            findings, reply, satisfaction, solved, reopen_count, paused_since, extension_reason, escalation,
            master_id, answered_on, clock_started_on, paused_days, returned_by, follow_up_by, version""";

    /** A unit's order, earliest due first (a due date never set last, as ORDER BY due_date has it), then oldest. */
    private static final String UNIT_ORDER = "coalesce(due_date, 'infinity'::date), registered_at, id";
    /** The operators' order: emergencies first, then a unit's order. */
    private static final String OPERATOR_ORDER = "priority, " + UNIT_ORDER;
    /** The planner's row estimate in the first line of a plan. */
    private static final Pattern PLANNED_ROWS = Pattern.compile("rows=(\\d+)");

    private final DatabaseClient db;

    ComplaintRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A newly registered complaint; an anonymous one carries the hash of the secret its filer follows it with. */
    public record NewRow(Complaint complaint, @Nullable String secretHash) {
    }

    /** Inserts newly registered complaints with one statement. */
    public Mono<Void> insertAll(List<NewRow> registered) {
        StringBuilder sql = new StringBuilder("INSERT INTO complaint (" + COLUMNS + ", tracking_secret_hash) VALUES ");
        for (int i = 0; i < registered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(("""
                    (:id#, :trackingCode#, :filedBy#, :channel#, :type#, :category#, :description#, :district#,
                     :enterpriseCode#, :address#, :longitude#, :latitude#, :status#, :registeredAt#, :dueDate#,
                     NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, :escalation#, NULL, NULL,
                     :clockStartedOn#, 0, NULL, NULL, :version#, :secretHash#)""")
                    .replace("#", String.valueOf(i)));
        }
        // One map bound at once: each bind() copies all earlier values, which is quadratic for a group.
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < registered.size(); i++) {
            Complaint c = registered.get(i).complaint();
            Location location = c.location();
            values.put("secretHash" + i, Parameter.fromOrEmpty(registered.get(i).secretHash(), String.class));
            values.put("id" + i, c.id());
            values.put("trackingCode" + i, c.trackingCode());
            values.put("filedBy" + i, c.filedBy());
            values.put("channel" + i, c.channel().name());
            values.put("type" + i, c.type().name());
            values.put("dueDate" + i, Parameter.fromOrEmpty(c.dueDate(), LocalDate.class));
            values.put("category" + i, c.category().name());
            values.put("description" + i, c.description());
            values.put("district" + i, c.district());
            values.put("enterpriseCode" + i, Parameter.fromOrEmpty(c.enterpriseCode(), String.class));
            values.put("address" + i, Parameter.fromOrEmpty(c.address(), String.class));
            values.put("longitude" + i, Parameter.fromOrEmpty(location == null ? null : location.longitude(),
                    Double.class));
            values.put("latitude" + i, Parameter.fromOrEmpty(location == null ? null : location.latitude(),
                    Double.class));
            values.put("status" + i, c.status().name());
            values.put("registeredAt" + i, c.registeredAt());
            values.put("escalation" + i, c.sla().escalation().name());
            values.put("version" + i, c.version());
            values.put("clockStartedOn" + i, Parameter.fromOrEmpty(c.sla().clockStartedOn(), LocalDate.class));
        }
        return db.sql(sql.toString()).bindValues(values).then();
    }

    /** Stores the next state of a transition; false when someone else changed the complaint meanwhile. */
    public Mono<Boolean> update(Complaint c) {
        Complaint.Handling h = c.handling();
        Satisfaction satisfaction = h.satisfaction();
        return db.sql("""
                        UPDATE complaint SET status = :status, district = :district, handling_unit = :unit,
                            return_reason = :returnReason,
                            substantiated = :substantiated, findings = :findings, reply = :reply,
                            satisfaction = :satisfaction, solved = :solved, reopen_count = :reopenCount,
                            due_date = :dueDate, paused_since = :pausedSince, extension_reason = :extensionReason,
                            escalation = :escalation, master_id = :masterId,
                            answered_on = :answeredOn, clock_started_on = :clockStartedOn,
                            paused_days = :pausedDays, returned_by = :returnedBy, follow_up_by = :followUpBy,
                            version = :version
                        WHERE id = :id AND version = :version - 1""")
                .bind("id", c.id())
                .bind("status", c.status().name())
                .bind("district", c.district())
                .bind("unit", Parameter.fromOrEmpty(h.unit(), String.class))
                .bind("returnReason", Parameter.fromOrEmpty(h.returnReason(), String.class))
                .bind("substantiated", Parameter.fromOrEmpty(h.substantiated(), Boolean.class))
                .bind("findings", Parameter.fromOrEmpty(h.findings(), String.class))
                .bind("reply", Parameter.fromOrEmpty(h.reply(), String.class))
                .bind("satisfaction", Parameter.fromOrEmpty(satisfaction == null ? null : satisfaction.name(),
                        String.class))
                .bind("solved", Parameter.fromOrEmpty(h.solved(), Boolean.class))
                .bind("reopenCount", h.reopenCount())
                .bind("dueDate", Parameter.fromOrEmpty(c.dueDate(), LocalDate.class))
                .bind("pausedSince", Parameter.fromOrEmpty(c.sla().pausedSince(), LocalDate.class))
                .bind("extensionReason", Parameter.fromOrEmpty(c.sla().extensionReason(), String.class))
                .bind("escalation", c.sla().escalation().name())
                .bind("masterId", Parameter.fromOrEmpty(c.masterId(), UUID.class))
                .bind("answeredOn", Parameter.fromOrEmpty(c.sla().answeredOn(), LocalDate.class))
                .bind("clockStartedOn", Parameter.fromOrEmpty(c.sla().clockStartedOn(), LocalDate.class))
                .bind("pausedDays", c.sla().pausedDays())
                .bind("returnedBy", Parameter.fromOrEmpty(h.returnedBy(), String.class))
                .bind("followUpBy", Parameter.fromOrEmpty(h.followUpBy() == null ? null : h.followUpBy().name(),
                        String.class))
                .bind("version", c.version())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** A complaint of a work queue and its place there, which the next page starts after. */
    public record Queued(Complaint complaint, QueueCursor place) {
    }

    /**
     * The SQL of a work queue's page in the queue's order, which is the key of its partial indexes (V15):
     * {@code :states} is bound to states of the queue, so PostgreSQL proves the indexes' predicate from it. With
     * {@code after} the page starts after that place (keyset) instead of at {@code :offset}.
     */
    static String queueSql(WorkQueue queue, boolean after) {
        String order = queue.operators() ? OPERATOR_ORDER : UNIT_ORDER;
        String place = (queue.operators() ? ":afterPriority, " : "")
                + "coalesce(:afterDue, 'infinity'::date), :afterRegistered, :afterId";
        return "SELECT " + COLUMNS + ", priority FROM complaint WHERE " + queueWhere(queue)
                + (after ? " AND (" + order + ") > (" + place + ")" : "")
                + " ORDER BY " + order + " LIMIT :limit" + (after ? "" : " OFFSET :offset");
    }

    /** The SQL that counts a work queue, reading no more than {@code :limit} of its complaints. */
    static String queueCountSql(WorkQueue queue) {
        return "SELECT count(*) AS n FROM (SELECT 1 FROM complaint WHERE " + queueWhere(queue) + " LIMIT :limit) q";
    }

    private static String queueWhere(WorkQueue queue) {
        return "status = ANY(:states)" + (queue.operators() ? "" : " AND handling_unit = :unit")
                + (queue.district() == null ? "" : " AND district = :district");
    }

    private static DatabaseClient.GenericExecuteSpec bindQueue(DatabaseClient.GenericExecuteSpec spec,
                                                                WorkQueue queue) {
        spec = spec.bind("states", SqlValues.names(queue.states()));
        if (queue.unit() != null) {
            spec = spec.bind("unit", queue.unit());
        }
        return queue.district() == null ? spec : spec.bind("district", queue.district());
    }

    /** A page of a work queue: {@code limit} complaints after {@code after}, or from {@code offset} without it. */
    public Flux<Queued> queue(WorkQueue queue, @Nullable QueueCursor after, long offset, int limit) {
        var spec = bindQueue(db.sql(queueSql(queue, after != null)), queue).bind("limit", limit);
        if (after == null) {
            spec = spec.bind("offset", offset);
        } else {
            spec = spec.bind("afterDue", Parameter.fromOrEmpty(after.dueDate(), LocalDate.class))
                    .bind("afterRegistered", after.registeredAt())
                    .bind("afterId", after.id());
            if (queue.operators()) {
                spec = spec.bind("afterPriority", (short) after.priority());
            }
        }
        return spec.map(row -> {
            Complaint complaint = read(row);
            return new Queued(complaint, new QueueCursor(row.get("priority", Short.class), complaint.dueDate(),
                    complaint.registeredAt(), complaint.id()));
        }).all();
    }

    /** How many complaints a work queue holds, but at most {@code limit}: no more of them are read. */
    public Mono<Long> queueSizeUpTo(WorkQueue queue, long limit) {
        return bindQueue(db.sql(queueCountSql(queue)), queue).bind("limit", limit)
                .map(row -> row.get("n", Long.class)).one();
    }

    /**
     * How many complaints a work queue holds by the planner's estimate: from the table's statistics (its size now,
     * and the shares of states, districts and units at the last analyse, V15), without reading the queue.
     */
    public Mono<Long> estimatedQueueSize(WorkQueue queue) {
        return bindQueue(db.sql("EXPLAIN SELECT 1 FROM complaint WHERE " + queueWhere(queue)), queue)
                .map(row -> row.get(0, String.class)).first()
                .map(plan -> {
                    Matcher rows = PLANNED_ROWS.matcher(plan);
                    if (!rows.find()) {
                        throw new IllegalStateException("no row estimate in the plan " + plan);
                    }
                    return Long.parseLong(rows.group(1));
                });
    }

    /**
     * Emergencies still waiting for dispatch that were registered before {@code registeredBefore} and have not
     * escalated yet, oldest first, {@code limit} at a time after {@code after} (null for the first page).
     */
    public Flux<Complaint> undispatchedEmergencies(Instant registeredBefore, @Nullable Complaint after, int limit) {
        String sql = "SELECT " + COLUMNS + """
                 FROM complaint
                WHERE type = :type AND status = ANY(:states) AND registered_at < :before
                  AND escalation = :notEscalated""";
        if (after != null) {
            sql += " AND (registered_at, id) > (:afterRegistered, :afterId)";
        }
        var spec = db.sql(sql + " ORDER BY registered_at, id LIMIT :limit")
                .bind("type", ComplaintType.EMERGENCY.name())
                .bind("states", SqlValues.names(ComplaintStatus.AWAITING_DISPATCH))
                .bind("before", registeredBefore)
                .bind("notEscalated", EscalationLevel.NONE.name())
                .bind("limit", limit);
        if (after != null) {
            spec = spec.bind("afterRegistered", after.registeredAt()).bind("afterId", after.id());
        }
        return spec.map(ComplaintRepository::read).all();
    }

    /**
     * Complaints whose answer is owed, whose clock runs, whose due date is before {@code today} and that can still
     * escalate, earliest due first, {@code limit} at a time after {@code after} (null for the first page).
     */
    public Flux<Complaint> overdue(LocalDate today, @Nullable Complaint after, int limit) {
        String sql = "SELECT " + COLUMNS + """
                 FROM complaint
                WHERE status = ANY(:states) AND paused_since IS NULL AND due_date < :today
                  AND escalation <> :highest""";
        if (after != null) {
            sql += " AND (due_date, id) > (:afterDue, :afterId)";
        }
        var spec = db.sql(sql + " ORDER BY due_date, id LIMIT :limit")
                .bind("states", SqlValues.names(ComplaintStatus.CLOCK_RUNNING))
                .bind("today", today)
                .bind("highest", EscalationLevel.PUBLIC_NOTICE.name())
                .bind("limit", limit);
        if (after != null) {
            spec = spec.bind("afterDue", Parameter.fromOrEmpty(after.dueDate(), LocalDate.class))
                    .bind("afterId", after.id());
        }
        return spec.map(ComplaintRepository::read).all();
    }

    /**
     * Complaints for Open311 GET requests: by tracking codes, or by category, time window and open/closed, newest
     * first. Linked duplicates count as open.
     */
    public Flux<Complaint> search(List<String> trackingCodes, @Nullable Category category, Instant start,
                                  Instant end, @Nullable Boolean closed, int limit) {
        StringBuilder where = new StringBuilder(" WHERE registered_at >= :start AND registered_at < :end");
        if (!trackingCodes.isEmpty()) {
            where = new StringBuilder(" WHERE tracking_code = ANY(:codes)");
        }
        if (category != null) {
            where.append(" AND category = :category");
        }
        if (closed != null) {
            where.append(" AND status = ANY(:states)");
        }
        var spec = db.sql("SELECT " + COLUMNS + " FROM complaint" + where
                + " ORDER BY registered_at DESC, id LIMIT :limit").bind("limit", limit);
        if (trackingCodes.isEmpty()) {
            spec = spec.bind("start", start).bind("end", end);
        } else {
            spec = spec.bind("codes", trackingCodes.toArray(String[]::new));
        }
        if (category != null) {
            spec = spec.bind("category", category.name());
        }
        if (closed != null) {
            EnumSet<ComplaintStatus> closedStates = EnumSet.of(ComplaintStatus.CLOSED);
            spec = spec.bind("states", SqlValues.names(closed ? closedStates : EnumSet.complementOf(closedStates)));
        }
        return spec.map(ComplaintRepository::read).all();
    }

    public Mono<Complaint> findByTrackingCode(String trackingCode) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE tracking_code = :code").bind("code", trackingCode)
                .map(ComplaintRepository::read).one();
    }

    /**
     * Open complaints filed since {@code since}, the pool duplicate proposals come from: newest first,
     * {@code limit} at a time after {@code after} (null for the first page).
     */
    public Flux<Complaint> recentOpen(Instant since, @Nullable Complaint after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM complaint WHERE registered_at >= :since AND status = ANY(:states)";
        if (after != null) {
            sql += " AND (registered_at, id) < (:afterRegistered, :afterId)";
        }
        var spec = db.sql(sql + " ORDER BY registered_at DESC, id DESC LIMIT :limit")
                .bind("since", since)
                .bind("states", SqlValues.names(EnumSet.complementOf(EnumSet.copyOf(ComplaintStatus.SETTLED))))
                .bind("limit", limit);
        if (after != null) {
            spec = spec.bind("afterRegistered", after.registeredAt()).bind("afterId", after.id());
        }
        return spec.map(ComplaintRepository::read).all();
    }

    /**
     * Complaints whose answer is owed, whose due date was counted (not set by an approved extension) over a span of
     * days that touches {@code from}–{@code to}: the ones a changed holiday schedule may move.
     */
    public Flux<Complaint> countedAcross(LocalDate from, LocalDate to) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM complaint
                        WHERE status = ANY(:states) AND extension_reason IS NULL AND clock_started_on IS NOT NULL
                          AND clock_started_on <= :to AND due_date >= :from
                        ORDER BY due_date, id""")
                .bind("states", SqlValues.names(ComplaintStatus.CLOCK_RUNNING))
                .bind("from", from)
                .bind("to", to)
                .map(ComplaintRepository::read).all();
    }

    /**
     * How many other complaints reported the same enterprise and category before {@code complaint}, since
     * {@code since}: a report with earlier ones was not new to the bureau.
     */
    public Mono<Long> earlierReports(Complaint complaint, Instant since) {
        return db.sql("""
                        SELECT count(*) AS n FROM complaint
                         WHERE enterprise_code = :enterprise AND category = :category AND id <> :id
                           AND registered_at >= :since AND registered_at < :before""")
                .bind("enterprise", Parameter.fromOrEmpty(complaint.enterpriseCode(), String.class))
                .bind("category", complaint.category().name())
                .bind("id", complaint.id())
                .bind("since", since)
                .bind("before", complaint.registeredAt())
                .map(row -> row.get("n", Long.class)).one();
    }

    /** The complaints linked to a master that still wait for its answer. */
    public Flux<Complaint> linkedTo(UUID masterId) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE master_id = :id AND status = :linked")
                .bind("id", masterId)
                .bind("linked", ComplaintStatus.LINKED.name())
                .map(ComplaintRepository::read).all();
    }

    /** A complaint by tracking code, with the stored secret hash (null for signed-in filers). */
    public Mono<Tracked> findTracked(String trackingCode) {
        return db.sql("SELECT " + COLUMNS + ", tracking_secret_hash FROM complaint WHERE tracking_code = :code")
                .bind("code", trackingCode)
                .map(row -> new Tracked(read(row), row.get("tracking_secret_hash", String.class)))
                .one();
    }

    public record Tracked(Complaint complaint, @Nullable String secretHash) {
    }

    public Mono<Complaint> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id").bind("id", id)
                .map(ComplaintRepository::read).one();
    }

    /** Complaints filed by one subject, or all when {@code filedBy} is null; newest first. */
    public Flux<Complaint> list(@Nullable String filedBy, long offset, int limit) {
        var spec = db.sql("SELECT " + COLUMNS + " FROM complaint" + (filedBy == null ? "" : " WHERE filed_by = :by")
                + " ORDER BY registered_at DESC, id LIMIT :limit OFFSET :offset");
        if (filedBy != null) {
            spec = spec.bind("by", filedBy);
        }
        return spec.bind("limit", limit).bind("offset", offset).map(ComplaintRepository::read).all();
    }

    public Mono<Long> count(@Nullable String filedBy) {
        var spec = db.sql("SELECT count(*) AS n FROM complaint" + (filedBy == null ? "" : " WHERE filed_by = :by"));
        if (filedBy != null) {
            spec = spec.bind("by", filedBy);
        }
        return spec.map(row -> row.get("n", Long.class)).one();
    }


    private static Complaint read(Readable row) {
        Double longitude = row.get("longitude", Double.class);
        Double latitude = row.get("latitude", Double.class);
        String satisfaction = row.get("satisfaction", String.class);
        String followUpBy = row.get("follow_up_by", String.class);
        return new Complaint(
                row.get("id", UUID.class),
                row.get("tracking_code", String.class),
                row.get("filed_by", String.class),
                Channel.valueOf(row.get("channel", String.class)),
                ComplaintType.valueOf(row.get("type", String.class)),
                Category.valueOf(row.get("category", String.class)),
                row.get("description", String.class),
                row.get("district", String.class),
                row.get("enterprise_code", String.class),
                row.get("address", String.class),
                longitude == null || latitude == null ? null : new Location(longitude, latitude),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("registered_at", Instant.class),
                new Complaint.Sla(row.get("due_date", LocalDate.class), row.get("paused_since", LocalDate.class),
                        row.get("extension_reason", String.class),
                        EscalationLevel.valueOf(row.get("escalation", String.class)),
                        row.get("answered_on", LocalDate.class), row.get("clock_started_on", LocalDate.class),
                        row.get("paused_days", Integer.class)),
                new Complaint.Handling(row.get("handling_unit", String.class), row.get("return_reason", String.class),
                        row.get("substantiated", Boolean.class), row.get("findings", String.class),
                        row.get("reply", String.class),
                        satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                        row.get("solved", Boolean.class), row.get("reopen_count", Integer.class),
                        row.get("returned_by", String.class),
                        followUpBy == null ? null : Complaint.FollowUpBy.valueOf(followUpBy)),
                row.get("master_id", UUID.class),
                row.get("version", Long.class));
    }
}
