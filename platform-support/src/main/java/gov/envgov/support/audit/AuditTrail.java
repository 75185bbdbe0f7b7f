package gov.envgov.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what to which object, in one hash chain per object (the full-process record of a complaint, a case, an
 * enterprise). Call {@link #record} inside the transaction of the change it describes. Appends to the same object are
 * serialised by a transaction-scoped advisory lock on that object, so the chain has one order, while changes to
 * different objects never wait for each other.
 */
public class AuditTrail {

    private static final String GENESIS = "0".repeat(64);

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> record(String actor, String action, String objectType, String objectId,
                             Map<String, ?> details) {
        // Microsecond precision: what PostgreSQL stores, so verify() recomputes the same hash.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailJson = json.writeValueAsString(new TreeMap<>(details));
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:chain, 0))")
                .bind("chain", objectType + ":" + objectId).then()
                .then(db.sql("""
                                SELECT hash FROM audit_log WHERE object_type = :type AND object_id = :id
                                ORDER BY id DESC LIMIT 1""")
                        .bind("type", objectType).bind("id", objectId)
                        .map(row -> row.get("hash", String.class)).one().defaultIfEmpty(GENESIS))
                .flatMap(previous -> db.sql("""
                                INSERT INTO audit_log (recorded_at, actor, action, object_type, object_id, details,
                                                       prev_hash, hash)
                                VALUES (:at, :actor, :action, :objectType, :objectId, :details, :prev, :hash)""")
                        .bind("at", at)
                        .bind("actor", actor)
                        .bind("action", action)
                        .bind("objectType", objectType)
                        .bind("objectId", objectId)
                        .bind("details", detailJson)
                        .bind("prev", previous)
                        .bind("hash", hash(previous, at, actor, action, objectType, objectId, detailJson))
                        .then());
    }

    /** The first entry in the chain of an object created in the calling transaction. */
    public record FirstEntry(String actor, String action, String objectType, String objectId, Map<String, ?> details) {
    }

    /**
     * The first entries of objects created in the calling transaction, with one statement: their chains are empty and
     * nobody else can know the objects before the commit, so there is nothing to lock and nothing to look up.
     */
    public Mono<Void> recordFirst(List<FirstEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StringBuilder sql = new StringBuilder("INSERT INTO audit_log (recorded_at, actor, action, object_type,"
                + " object_id, details, prev_hash, hash) VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:at, :actor#, :action#, :objectType#, :objectId#, :details#,"
                    .replace("#", String.valueOf(i))).append(" :genesis, :hash").append(i).append(')');
        }
        Map<String, Object> values = new HashMap<>();
        values.put("at", at);
        values.put("genesis", GENESIS);
        for (int i = 0; i < entries.size(); i++) {
            FirstEntry entry = entries.get(i);
            String detailJson = json.writeValueAsString(new TreeMap<>(entry.details()));
            values.put("actor" + i, entry.actor());
            values.put("action" + i, entry.action());
            values.put("objectType" + i, entry.objectType());
            values.put("objectId" + i, entry.objectId());
            values.put("details" + i, detailJson);
            values.put("hash" + i, hash(GENESIS, at, entry.actor(), entry.action(), entry.objectType(),
                    entry.objectId(), detailJson));
        }
        return db.sql(sql.toString()).bindValues(values).then();
    }

    /** Walks every object's chain; returns the id of the first row whose hash does not match, or empty. */
    public Mono<Long> firstBrokenEntry() {
        return db.sql("""
                        SELECT id, recorded_at, actor, action, object_type, object_id, details, prev_hash, hash
                        FROM audit_log ORDER BY object_type, object_id, id""")
                .map(row -> new Entry(row.get("id", Long.class), row.get("recorded_at", Instant.class),
                        row.get("actor", String.class), row.get("action", String.class),
                        row.get("object_type", String.class), row.get("object_id", String.class),
                        row.get("details", String.class), row.get("prev_hash", String.class),
                        row.get("hash", String.class)))
                .all()
                .scan(new Check(null, GENESIS, null), (check, entry) -> {
                    if (check.broken() != null) {
                        return check;
                    }
                    String chain = entry.objectType() + ":" + entry.objectId();
                    String previous = chain.equals(check.chain()) ? check.previous() : GENESIS;
                    String expected = hash(previous, entry.at(), entry.actor(), entry.action(),
                            entry.objectType(), entry.objectId(), entry.details());
                    boolean intact = entry.prevHash().equals(previous) && entry.hash().equals(expected);
                    return new Check(chain, entry.hash(), intact ? null : entry.id());
                })
                .filter(check -> check.broken() != null)
                .map(Check::broken)
                .next();
    }

    public Flux<Entry> history(String objectType, String objectId) {
        return db.sql("""
                        SELECT id, recorded_at, actor, action, object_type, object_id, details, prev_hash, hash
                        FROM audit_log WHERE object_type = :type AND object_id = :id ORDER BY id""")
                .bind("type", objectType)
                .bind("id", objectId)
                .map(row -> new Entry(row.get("id", Long.class), row.get("recorded_at", Instant.class),
                        row.get("actor", String.class), row.get("action", String.class),
                        row.get("object_type", String.class), row.get("object_id", String.class),
                        row.get("details", String.class), row.get("prev_hash", String.class),
                        row.get("hash", String.class)))
                .all();
    }

    /** Whether one object's entries, in order, link from the genesis and each hashes to what it says. */
    public static boolean intact(List<Entry> chain) {
        String previous = GENESIS;
        for (Entry entry : chain) {
            String expected = hash(previous, entry.at(), entry.actor(), entry.action(), entry.objectType(),
                    entry.objectId(), entry.details());
            if (!entry.prevHash().equals(previous) || !entry.hash().equals(expected)) {
                return false;
            }
            previous = entry.hash();
        }
        return true;
    }

    static String hash(String previous, Instant at, String actor, String action, String objectType,
                       String objectId, String details) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previous, at.toString(), actor, action, objectType, objectId, details}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public record Entry(long id, Instant at, String actor, String action, String objectType, String objectId,
                        String details, String prevHash, String hash) {
    }

    private record Check(String chain, String previous, Long broken) {
    }
}
