package gov.envgov.enforcement.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class PublicationRepository {

    private static final String COLUMNS = "case_id, enterprise_code, party, district, violation, legal_basis, fine,"
            + " summary, decided_on, published_on, publish_due, withdrawn_on, withdrawal_reason";
    private static final String FILTER = " WHERE (CAST(:enterprise AS text) IS NULL OR enterprise_code = :enterprise)"
            + " AND (CAST(:district AS text) IS NULL OR district = :district)"
            + " AND (CAST(:year AS integer) IS NULL OR extract(year FROM decided_on) = :year)";

    private final DatabaseClient db;

    PublicationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(PenaltyPublication publication) {
        Map<String, Object> values = new HashMap<>();
        values.put("caseId", publication.caseId());
        values.put("enterprise", Parameter.fromOrEmpty(publication.enterpriseCode(), String.class));
        values.put("party", publication.party());
        values.put("district", Parameter.fromOrEmpty(publication.district(), String.class));
        values.put("violation", publication.violation());
        values.put("basis", publication.legalBasis());
        values.put("fine", publication.fine());
        values.put("summary", publication.summary());
        values.put("decidedOn", publication.decidedOn());
        values.put("publishedOn", publication.publishedOn());
        values.put("publishDue", publication.publishDue());
        return db.sql("""
                        INSERT INTO penalty_publication (case_id, enterprise_code, party, district, violation,
                            legal_basis, fine, summary, decided_on, published_on, publish_due)
                        VALUES (:caseId, :enterprise, :party, :district, :violation, :basis, :fine, :summary,
                                :decidedOn, :publishedOn, :publishDue)
                        ON CONFLICT (case_id) DO NOTHING""")
                .bindValues(values).then();
    }

    /** False when there is no publication to withdraw, or it is withdrawn already. */
    Mono<Boolean> withdraw(UUID caseId, LocalDate on, String reason) {
        return db.sql("UPDATE penalty_publication SET withdrawn_on = :on, withdrawal_reason = :reason"
                        + " WHERE case_id = :caseId AND withdrawn_on IS NULL")
                .bind("on", on).bind("reason", reason).bind("caseId", caseId)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<PenaltyPublication> find(UUID caseId) {
        return db.sql("SELECT " + COLUMNS + " FROM penalty_publication WHERE case_id = :caseId")
                .bind("caseId", caseId).map(PublicationRepository::read).one();
    }

    Flux<PenaltyPublication> search(String enterprise, String district, Integer year, long offset, int limit) {
        return bind(db.sql("SELECT " + COLUMNS + " FROM penalty_publication" + FILTER
                        + " ORDER BY decided_on DESC, case_id LIMIT :limit OFFSET :offset"), enterprise, district, year)
                .bind("limit", limit).bind("offset", offset).map(PublicationRepository::read).all();
    }

    Mono<Long> count(String enterprise, String district, Integer year) {
        return bind(db.sql("SELECT count(*) AS n FROM penalty_publication" + FILTER), enterprise, district, year)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String enterprise,
                                                          String district, Integer year) {
        return spec.bind("enterprise", Parameter.fromOrEmpty(enterprise, String.class))
                .bind("district", Parameter.fromOrEmpty(district, String.class))
                .bind("year", Parameter.fromOrEmpty(year, Integer.class));
    }

    private static PenaltyPublication read(Readable row) {
        return new PenaltyPublication(row.get("case_id", UUID.class), row.get("enterprise_code", String.class),
                row.get("party", String.class), row.get("district", String.class), row.get("violation", String.class),
                row.get("legal_basis", String.class), row.get("fine", BigDecimal.class),
                row.get("summary", String.class), row.get("decided_on", LocalDate.class),
                row.get("published_on", LocalDate.class), row.get("publish_due", LocalDate.class),
                row.get("withdrawn_on", LocalDate.class), row.get("withdrawal_reason", String.class));
    }
}
