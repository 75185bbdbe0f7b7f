package gov.envgov.permit.disclosure;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.Totals;
import gov.envgov.support.web.SearchText;
import reactor.core.publisher.Mono;

/**
 * Searches the public directory of issued permits ({@code permit_directory}, which the permit feature keeps in step
 * with every write); the permits themselves are read from the permit feature.
 * <p>
 * A name query takes the names that hold its character (one character) or all of its character bigrams (two or
 * more) from the GIN index on {@code name_grams} (V8); three or more characters then re-check the substring. Run the
 * statements after {@link #customPlans()}: a cached generic plan cannot see the query's grams or prefixes and scans
 * the whole directory instead of using the indexes.
 */
@Repository
class PublicPermitRepository {

    private final DatabaseClient db;

    PublicPermitRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A page of the matching permits' ids, in number order. With {@code after} (keyset pagination) the page starts
     * behind that permit, which costs the same however deep the list; an unknown one ends the list.
     * <p>
     * {@code few} (the matches were counted exactly, so there are at most the cap of them) collects every match and
     * sorts them. Otherwise the planner, which takes a gram its statistics do not know to match 0.5% of the
     * directory, walks the number index and filters, and reads all of it when nothing matches (100 ms on 90,000
     * permits instead of 0.1 ms). Many matches are found soonest by that walk.
     */
    Mono<List<UUID>> search(PublicPermitQuery query, @Nullable UUID after, boolean few, long offset, int limit) {
        String matches = "SELECT id, number FROM permit_directory" + where(query) + (after == null ? ""
                : " AND (number, id) > (SELECT number, id FROM permit_directory WHERE id = :after)");
        // OFFSET 0 keeps the subquery apart, so that it is planned for all its rows, not for the first few in order.
        GenericExecuteSpec spec = bind(db.sql("SELECT id FROM (" + matches + (few ? " OFFSET 0" : "")
                        + ") AS matches ORDER BY number, id LIMIT :limit OFFSET :offset"), query)
                .bind("limit", limit).bind("offset", offset);
        return (after == null ? spec : spec.bind("after", after))
                .map(row -> row.get("id", UUID.class)).all().collectList();
    }

    /** How many permits match: exactly up to {@code exactUpTo}, estimated beyond. */
    Mono<Totals.Total> count(PublicPermitQuery query, long exactUpTo) {
        return Totals.count(db, "SELECT 1 FROM permit_directory" + where(query), spec -> bind(spec, query), exactUpTo);
    }

    /**
     * Plans the calling transaction's statements for their values every time. PostgreSQL otherwise switches a
     * statement the driver has prepared five times to a generic plan, which cannot use the bigram or prefix indexes
     * (EXPLAIN on 100,000 permits: a full scan, 80 to 600 ms, instead of 1 to 6 ms).
     */
    Mono<Void> customPlans() {
        return db.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").then();
    }

    private static String where(PublicPermitQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (query.hasText()) {
            where.append(" AND (").append(nameCondition(query))
                    .append(" OR enterprise_code LIKE :codePrefix OR number LIKE :codePrefix)");
        }
        if (query.district() != null) {
            where.append(" AND district = :district");
        }
        if (query.permitClass() != null) {
            where.append(" AND management_class = :class");
        }
        return where.toString();
    }

    /**
     * The names containing the query. A name holds a character or a bigram exactly when it contains it, so only a
     * query of three or more characters re-checks the substring (and the planner then estimates the grams alone).
     */
    private static String nameCondition(PublicPermitQuery query) {
        return nameLength(query) <= 2 ? "name_grams @> permit_query_grams(:name)"
                : "(name_grams @> permit_query_grams(:name) AND name_lower LIKE :text)";
    }

    /** The query as the directory's names are written (lower case), before any LIKE escaping. */
    private static String nameText(PublicPermitQuery query) {
        return query.text().strip().toLowerCase();
    }

    /** The query's length in characters, as PostgreSQL counts them (a character beyond the BMP is one). */
    private static int nameLength(PublicPermitQuery query) {
        String name = nameText(query);
        return name.codePointCount(0, name.length());
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, PublicPermitQuery query) {
        GenericExecuteSpec bound = spec;
        if (query.hasText()) {
            bound = bound.bind("name", nameText(query)).bind("codePrefix", SearchText.codePrefix(query.text()));
            if (nameLength(query) > 2) {
                bound = bound.bind("text", SearchText.contains(query.text()));
            }
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
