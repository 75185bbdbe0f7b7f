package gov.envgov.credit.blacklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class ListRepository {

    private static final String COLUMNS = "id, subject_code, subject_name, severity, legal_basis, facts, noticed_on,"
            + " respond_by, response, status, listed_on, min_until, max_until, removed_on, reason, proposed_by,"
            + " version";
    private static final String SEARCH = "status = ANY(:statuses) AND (CAST(:q AS text) IS NULL"
            + " OR lower(subject_name) LIKE :q OR subject_code LIKE upper(:code))";

    private final DatabaseClient db;

    ListRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(ListEntry entry, Instant now) {
        return db.sql("INSERT INTO list_entry (" + COLUMNS + ", updated_at) VALUES (:id, :subject, :name, :severity,"
                        + " :basis, :facts, :noticedOn, :respondBy, NULL, :status, NULL, NULL, NULL, NULL, NULL,"
                        + " :proposedBy, 0, :now)")
                .bind("id", entry.id()).bind("subject", entry.subjectCode()).bind("name", entry.subjectName())
                .bind("severity", entry.severity().name()).bind("basis", entry.legalBasis())
                .bind("facts", entry.facts()).bind("noticedOn", entry.noticedOn())
                .bind("respondBy", entry.respondBy()).bind("status", entry.status().name())
                .bind("proposedBy", entry.proposedBy()).bind("now", now)
                .then();
    }

    /** Writes a transition, conditional on the version it came from. */
    Mono<Boolean> update(ListEntry next, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", next.id());
        values.put("response", Parameter.fromOrEmpty(next.response(), String.class));
        values.put("status", next.status().name());
        values.put("listedOn", Parameter.fromOrEmpty(next.listedOn(), LocalDate.class));
        values.put("minUntil", Parameter.fromOrEmpty(next.minUntil(), LocalDate.class));
        values.put("maxUntil", Parameter.fromOrEmpty(next.maxUntil(), LocalDate.class));
        values.put("removedOn", Parameter.fromOrEmpty(next.removedOn(), LocalDate.class));
        values.put("reason", Parameter.fromOrEmpty(next.reason(), String.class));
        values.put("version", next.version());
        values.put("now", now);
        return db.sql("""
                        UPDATE list_entry SET response = :response, status = :status, listed_on = :listedOn,
                            min_until = :minUntil, max_until = :maxUntil, removed_on = :removedOn, reason = :reason,
                            updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<ListEntry> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM list_entry WHERE id = :id").bind("id", id).map(this::read).one();
    }

    Flux<ListEntry> ofSubject(String subjectCode) {
        return db.sql("SELECT " + COLUMNS + " FROM list_entry WHERE subject_code = :subject ORDER BY noticed_on DESC")
                .bind("subject", subjectCode).map(this::read).all();
    }

    /** The subject's newest entry in these states, if any. */
    Mono<ListEntry> newest(String subjectCode, Set<ListStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM list_entry WHERE subject_code = :subject"
                        + " AND status = ANY(:statuses) ORDER BY listed_on DESC NULLS LAST, noticed_on DESC LIMIT 1")
                .bind("subject", subjectCode).bind("statuses", SqlValues.names(statuses)).map(this::read).one();
    }

    /** Entries in these states whose maximum period has ended by the day, a batch at a time. */
    Flux<ListEntry> expired(LocalDate today, Set<ListStatus> statuses, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM list_entry WHERE status = ANY(:statuses) AND max_until <= :today"
                        + " ORDER BY max_until, id LIMIT :limit")
                .bind("statuses", SqlValues.names(statuses)).bind("today", today).bind("limit", limit)
                .map(this::read).all();
    }

    /** Entries in these states, the newest listed first; {@code text} matches a name or a credit-code prefix. */
    Flux<ListEntry> search(Set<ListStatus> statuses, String text, long offset, int limit) {
        return bindSearch(db.sql("SELECT " + COLUMNS + " FROM list_entry WHERE " + SEARCH
                        + " ORDER BY listed_on DESC NULLS LAST, noticed_on DESC, id LIMIT :limit OFFSET :offset"),
                statuses, text).bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> count(Set<ListStatus> statuses, String text) {
        return bindSearch(db.sql("SELECT count(*) AS n FROM list_entry WHERE " + SEARCH), statuses, text)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindSearch(DatabaseClient.GenericExecuteSpec spec,
                                                                Set<ListStatus> statuses, String text) {
        boolean any = text == null || text.isBlank();
        return spec.bind("statuses", SqlValues.names(statuses))
                .bind("q", Parameter.fromOrEmpty(any ? null : gov.envgov.support.web.SearchText.contains(text),
                        String.class))
                .bind("code", any ? "" : gov.envgov.support.web.SearchText.codePrefix(text));
    }

    private ListEntry read(Readable row) {
        return new ListEntry(row.get("id", UUID.class), row.get("subject_code", String.class),
                row.get("subject_name", String.class), ListSeverity.valueOf(row.get("severity", String.class)),
                row.get("legal_basis", String.class), row.get("facts", String.class),
                row.get("noticed_on", LocalDate.class), row.get("respond_by", LocalDate.class),
                row.get("response", String.class), ListStatus.valueOf(row.get("status", String.class)),
                row.get("listed_on", LocalDate.class), row.get("min_until", LocalDate.class),
                row.get("max_until", LocalDate.class), row.get("removed_on", LocalDate.class),
                row.get("reason", String.class), row.get("proposed_by", String.class),
                row.get("version", Long.class));
    }
}
