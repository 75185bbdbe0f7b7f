package gov.envgov.complaint.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Client applications that may POST Open311 requests. Keys are shown once at issue; only their hash is kept. */
@Service
public class Open311Clients {

    private final DatabaseClient db;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Open311Clients(DatabaseClient db, AuditTrail audit, TransactionalOperator transactions, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A registered client, and its key when it has just been issued. */
    public record Client(UUID id, String name, boolean active, Instant createdAt, String apiKey) {
    }

    /** Issues a key; {@code apiKey} may be given to carry over a key from an earlier system, else one is made. */
    public Mono<Client> issue(String name, String apiKey, CurrentUser admin) {
        String key = apiKey == null || apiKey.isBlank() ? newKey() : apiKey.strip();
        if (key.length() < 16) {
            return Mono.error(new DomainException.RuleViolation("weak-api-key", "apiKey",
                    "an api key has at least 16 characters"));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return transactions.transactional(db.sql("""
                        INSERT INTO open311_client (id, name, api_key_hash, created_by, created_at)
                        VALUES (:id, :name, :hash, :by, :at) ON CONFLICT (api_key_hash) DO NOTHING""")
                .bind("id", id).bind("name", name).bind("hash", hash(key)).bind("by", admin.username())
                .bind("at", now)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? audit.record(admin.username(), "issue-api-key", "open311-client",
                                id.toString(), Map.of("name", name))
                        : Mono.error(new DomainException.Conflict("api-key-exists", "that api key is in use")))
                .thenReturn(new Client(id, name, true, now, key)));
    }

    public Mono<Void> revoke(UUID id, CurrentUser admin) {
        return transactions.transactional(db.sql("""
                        UPDATE open311_client SET active = false, revoked_at = :at WHERE id = :id AND active""")
                .bind("id", id).bind("at", clock.instant())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? audit.record(admin.username(), "revoke-api-key", "open311-client",
                        id.toString(), Map.of())
                        : Mono.error(new DomainException.NotFound("active client", id.toString()))));
    }

    public Flux<Client> list() {
        return db.sql("SELECT id, name, active, created_at FROM open311_client ORDER BY created_at")
                .map(row -> new Client(row.get("id", UUID.class), row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("created_at", Instant.class),
                        null))
                .all();
    }

    /** The name of the active client holding this key, or empty. */
    public Mono<String> clientFor(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Mono.empty();
        }
        return db.sql("SELECT name FROM open311_client WHERE api_key_hash = :hash AND active")
                .bind("hash", hash(apiKey.strip()))
                .map(row -> row.get("name", String.class)).one();
    }

    private String newKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
