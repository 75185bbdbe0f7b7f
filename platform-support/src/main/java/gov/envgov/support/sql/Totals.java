package gov.envgov.support.sql;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import reactor.core.publisher.Mono;

/**
 * The total of a list, counted exactly up to a cap and estimated beyond it (PERF-PERMIT-SEARCH). Counting every match
 * of a broad search costs as much as reading them all; a reader of a long list needs its size, not its last digit.
 * <p>
 * The exact count stops at cap + 1 rows ({@code SELECT count(*) FROM (rows LIMIT cap + 1)}). Beyond the cap the
 * estimate is the planner's: the row count {@code EXPLAIN} gives for the same rows with the same values, that is the
 * table's {@code reltuples} times the selectivity the statistics give the conditions. It costs one planning and no
 * reading. It is never less than cap + 1, which is known to be exceeded.
 */
public final class Totals {

    private static final Pattern PLAN_ROWS = Pattern.compile("\\(cost=[0-9.]+ rows=(\\d+) ");

    private Totals() {
    }

    /** A list's total and whether it was counted exactly. */
    public record Total(long value, boolean exact) {
    }

    /**
     * Counts the rows a query selects, exactly up to {@code exactUpTo}.
     *
     * @param rows      the query selecting the rows to count, without ORDER BY, LIMIT or OFFSET
     *                  ({@code SELECT 1 FROM t WHERE ...}); its parameters must not be called {@code totalsCap}
     * @param binder    binds the query's parameters
     * @param exactUpTo the largest total counted exactly
     */
    public static Mono<Total> count(DatabaseClient db, String rows, UnaryOperator<GenericExecuteSpec> binder,
                                    long exactUpTo) {
        if (exactUpTo < 0) {
            throw new IllegalArgumentException("exactUpTo must not be negative");
        }
        return binder.apply(db.sql("SELECT count(*) AS n FROM (" + rows + " LIMIT :totalsCap) AS capped"))
                .bind("totalsCap", exactUpTo + 1)
                .map(row -> row.get("n", Long.class)).one()
                .flatMap(counted -> counted <= exactUpTo ? Mono.just(new Total(counted, true))
                        : estimate(db, rows, binder).map(estimated -> new Total(Math.max(estimated, counted), false)));
    }

    /** The planner's row estimate for the query: the first line of its plan is the top node. */
    private static Mono<Long> estimate(DatabaseClient db, String rows, UnaryOperator<GenericExecuteSpec> binder) {
        return binder.apply(db.sql("EXPLAIN " + rows))
                .map(row -> row.get(0, String.class)).first()
                .map(Totals::planRows);
    }

    static long planRows(String topLine) {
        Matcher rows = PLAN_ROWS.matcher(topLine);
        if (!rows.find()) {
            throw new IllegalStateException("no row estimate in the plan line " + topLine);
        }
        return Long.parseLong(rows.group(1));
    }
}
