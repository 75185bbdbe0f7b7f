package gov.envgov.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.events.Outbox;
import gov.envgov.support.events.PublishedEvent;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ClockTask;
import gov.envgov.support.schedule.ReplicaTurns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Anchors the audit chains (全过程记录): each run folds every chain head that changed since the last anchor into one
 * root, {@code root = SHA-256(previous root ‖ for each changed chain, by type and id: type 0x1f id 0x1f last id 0x1f
 * head hash 0x1e)}, stores the heads, and publishes the root as {@link AuditAnchored}. A chain is then verified
 * against its last anchored head: an edit breaks the chain, and a deleted newest entry is missing from it. Entries
 * newer than the last anchor are protected by the chain only, until the next run.
 */
public class AuditAnchors implements ClockTask {

    static final String GENESIS = "0".repeat(64);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final Clock clock;

    public AuditAnchors(DatabaseClient db, TransactionalOperator transactions, Outbox outbox, AuditTrail trail,
                        Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.outbox = outbox;
        this.trail = trail;
        this.clock = clock;
    }

    /** A root as the feed publishes it; anyone who keeps the roots can tell a rewritten anchor later. */
    public record AuditAnchored(long seq, String root, String previousRoot, int heads, Instant anchoredAt)
            implements PublishedEvent {
        @Override
        public String aggregateType() {
            return "audit";
        }

        @Override
        public String aggregateId() {
            return String.valueOf(seq);
        }
    }

    private record Head(String objectType, String objectId, long lastId, String hash) {
    }

    @Override
    public String name() {
        return "audit anchoring";
    }

    /** Anchors the changed heads; returns how many (none: nothing changed, no anchor written). */
    @Override
    public Mono<Long> run() {
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.AUDIT_ANCHOR, () -> db.sql("""
                        SELECT seq, root FROM audit_anchor ORDER BY seq DESC LIMIT 1""")
                .map(row -> Map.entry(row.get("seq", Long.class), row.get("root", String.class))).one()
                .defaultIfEmpty(Map.entry(0L, GENESIS))
                .flatMapMany(last -> changedHeads().collectList().flatMapMany(heads -> heads.isEmpty()
                        ? Flux.<Long>empty() : store(last.getKey() + 1, last.getValue(), heads).flux())))
                .reduce(0L, Long::sum));
    }

    /** Heads of chains whose newest entry is not the one the latest anchor of that chain recorded. */
    private Flux<Head> changedHeads() {
        return db.sql("""
                        SELECT current.object_type, current.object_id, current.id, current.hash
                        FROM (SELECT DISTINCT ON (object_type, object_id) object_type, object_id, id, hash
                              FROM audit_log ORDER BY object_type, object_id, id DESC) AS current
                        LEFT JOIN LATERAL (SELECT last_id, head_hash FROM audit_anchor_head anchored
                                           WHERE anchored.object_type = current.object_type
                                             AND anchored.object_id = current.object_id
                                           ORDER BY seq DESC LIMIT 1) AS anchored ON true
                        WHERE anchored.last_id IS DISTINCT FROM current.id
                        ORDER BY current.object_type COLLATE "C", current.object_id COLLATE "C"
                        """)
                .map(row -> new Head(row.get("object_type", String.class), row.get("object_id", String.class),
                        row.get("id", Long.class), row.get("hash", String.class)))
                .all();
    }

    private Mono<Long> store(long seq, String previousRoot, List<Head> heads) {
        String root = root(previousRoot, heads);
        Instant now = clock.instant();
        Mono<Void> anchor = db.sql("INSERT INTO audit_anchor (seq, anchored_at, heads, prev_root, root)"
                        + " VALUES (:seq, :at, :heads, :prev, :root)")
                .bind("seq", seq).bind("at", now).bind("heads", heads.size()).bind("prev", previousRoot)
                .bind("root", root).then();
        Mono<Void> rows = Flux.fromIterable(heads).buffer(200).concatMap(chunk -> {
            StringBuilder sql = new StringBuilder("INSERT INTO audit_anchor_head (seq, object_type, object_id,"
                    + " last_id, head_hash) VALUES ");
            Map<String, Object> values = new HashMap<>();
            values.put("seq", seq);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:seq, :type#, :id#, :last#, :hash#)".replace("#",
                        String.valueOf(i)));
                values.put("type" + i, chunk.get(i).objectType());
                values.put("id" + i, chunk.get(i).objectId());
                values.put("last" + i, chunk.get(i).lastId());
                values.put("hash" + i, chunk.get(i).hash());
            }
            return db.sql(sql.toString()).bindValues(values).then();
        }).then();
        return anchor.then(rows)
                .then(outbox.append(new AuditAnchored(seq, root, previousRoot, heads.size(), now)))
                .thenReturn((long) heads.size());
    }

    /** The outcome of checking one object's record against its chain and its last anchor. */
    public record Verification(boolean chainIntact, boolean anchored, boolean anchoredHeadPresent,
                               boolean anchorRootValid, Long anchorSeq, String anchorRoot, int entries,
                               int entriesSinceAnchor) {

        public boolean intact() {
            return chainIntact && (!anchored || (anchoredHeadPresent && anchorRootValid));
        }
    }

    /**
     * Re-checks an object's record: every entry's hash and link, its last anchored head still there with the same
     * hash, and that anchor's root recomputed from its stored heads.
     */
    public Mono<Verification> verify(String objectType, String objectId) {
        Mono<List<AuditTrail.Entry>> entries = trail.history(objectType, objectId).collectList();
        Mono<Map<String, Object>> latest = db.sql("""
                        SELECT seq, last_id, head_hash FROM audit_anchor_head
                        WHERE object_type = :type AND object_id = :id ORDER BY seq DESC LIMIT 1""")
                .bind("type", objectType).bind("id", objectId)
                .map(row -> Map.<String, Object>of("seq", row.get("seq", Long.class),
                        "lastId", row.get("last_id", Long.class), "hash", row.get("head_hash", String.class)))
                .one().defaultIfEmpty(Map.of());
        return Mono.zip(entries, latest).flatMap(found -> {
            List<AuditTrail.Entry> chain = found.getT1();
            boolean chainIntact = AuditTrail.intact(chain);
            if (found.getT2().isEmpty()) {
                return Mono.just(new Verification(chainIntact, false, false, false, null, null, chain.size(),
                        chain.size()));
            }
            long seq = (Long) found.getT2().get("seq");
            long lastId = (Long) found.getT2().get("lastId");
            String head = (String) found.getT2().get("hash");
            boolean headPresent = chain.stream().anyMatch(entry -> entry.id() == lastId && entry.hash().equals(head));
            int since = (int) chain.stream().filter(entry -> entry.id() > lastId).count();
            return anchorRoot(seq).map(check -> new Verification(chainIntact, true, headPresent, check.getValue(),
                    seq, check.getKey(), chain.size(), since));
        });
    }

    /** An anchor's stored root and whether its stored heads and previous root give it. */
    private Mono<Map.Entry<String, Boolean>> anchorRoot(long seq) {
        return db.sql("SELECT prev_root, root FROM audit_anchor WHERE seq = :seq").bind("seq", seq)
                .map(row -> Map.entry(row.get("prev_root", String.class), row.get("root", String.class))).one()
                .flatMap(anchor -> db.sql("""
                                SELECT object_type, object_id, last_id, head_hash FROM audit_anchor_head
                                WHERE seq = :seq ORDER BY object_type COLLATE "C", object_id COLLATE "C"
                                """)
                        .bind("seq", seq)
                        .map(row -> new Head(row.get("object_type", String.class), row.get("object_id", String.class),
                                row.get("last_id", Long.class), row.get("head_hash", String.class)))
                        .all().collectList()
                        .map(heads -> Map.entry(anchor.getValue(), root(anchor.getKey(), heads)
                                .equals(anchor.getValue()))));
    }

    static String root(String previousRoot, List<Head> heads) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previousRoot.getBytes(StandardCharsets.UTF_8));
            for (Head head : heads) {
                for (String part : new String[] {head.objectType(), head.objectId(), String.valueOf(head.lastId())}) {
                    digest.update(part.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                digest.update(head.hash().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1e);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
