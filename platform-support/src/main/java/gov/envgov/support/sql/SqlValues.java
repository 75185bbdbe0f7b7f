package gov.envgov.support.sql;

import java.util.Collection;

/**
 * Values bound into SQL the same way by every repository. Statuses are bound as arrays of their names
 * ({@code status = ANY(:statuses)}), never written into the SQL text, so the Java enum set is the one definition.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }
}
