package gov.envgov.permit.disclosure;

import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import gov.envgov.support.web.SearchText;
import reactor.core.publisher.Mono;

/**
 * Searches the public directory of issued permits ({@code permit_directory}, which the permit feature keeps in step
 * with every write); the permits themselves are read from the permit feature.
 */
@Repository
class PublicPermitRepository {

    private final DatabaseClient db;

    PublicPermitRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A page of the matching permits' ids, in number order. */
    Mono<List<UUID>> search(PublicPermitQuery query, long offset, int limit) {
        return bind(db.sql("SELECT id FROM permit_directory" + where(query)
                        + " ORDER BY number, id LIMIT :limit OFFSET :offset"), query)
                .bind("limit", limit).bind("offset", offset)
                .map(row -> row.get("id", UUID.class)).all().collectList();
    }

    Mono<Long> count(PublicPermitQuery query) {
        return bind(db.sql("SELECT count(*) AS n FROM permit_directory" + where(query)), query)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static String where(PublicPermitQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (query.hasText()) {
            where.append(" AND (name_lower LIKE :text OR enterprise_code LIKE :codePrefix")
                    .append(" OR number LIKE :codePrefix)");
        }
        if (query.district() != null) {
            where.append(" AND district = :district");
        }
        if (query.permitClass() != null) {
            where.append(" AND management_class = :class");
        }
        return where.toString();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, PublicPermitQuery query) {
        GenericExecuteSpec bound = spec;
        if (query.hasText()) {
            bound = bound.bind("text", SearchText.contains(query.text()))
                    .bind("codePrefix", SearchText.codePrefix(query.text()));
        }
        if (query.district() != null) {
            bound = bound.bind("district", query.district());
        }
        if (query.permitClass() != null) {
            bound = bound.bind("class", query.permitClass().name());
        }
        return bound;
    }
}
