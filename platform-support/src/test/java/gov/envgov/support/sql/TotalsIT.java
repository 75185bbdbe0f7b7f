package gov.envgov.support.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.support.testing.ReactiveDatabase;

/** PERF-PERMIT-SEARCH: capped counts and the planner's estimate beyond the cap, against a real PostgreSQL. */
class TotalsIT {

    private static final String UP_TO = "SELECT 1 FROM numbers WHERE n <= :upTo";

    private ReactiveDatabase database;

    @BeforeEach
    void setUp() {
        database = ReactiveDatabase.create("totals", 2);
        database.client().sql("CREATE TABLE numbers AS SELECT n FROM generate_series(1, 20000) AS n").then()
                .then(database.client().sql("ANALYZE numbers").then()).block();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Totals.Total count(int upTo, long exactUpTo) {
        return Totals.count(database.client(), UP_TO, spec -> spec.bind("upTo", upTo), exactUpTo).block();
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: a total up to the cap is counted exactly, the cap itself included")
    void aTotalUpToTheCapIsExact() {
        assertThat(count(10_000, 10_000)).isEqualTo(new Totals.Total(10_000, true));
        assertThat(count(10_000, 50_000)).isEqualTo(new Totals.Total(10_000, true));
        assertThat(count(0, 10)).isEqualTo(new Totals.Total(0, true));
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: beyond the cap the total is the planner's estimate, never below cap + 1")
    void aTotalBeyondTheCapIsTheEstimate() {
        // The histogram of the analysed column puts the estimate near the true 15,000, with the bound value.
        Totals.Total estimated = count(15_000, 1_000);
        assertThat(estimated.exact()).isFalse();
        assertThat(estimated.value()).isBetween(14_000L, 16_000L);
        // "n % 7 = 0" gets the planner's default selectivity (0.5%, 100 rows): below what was counted.
        Totals.Total floor = Totals.count(database.client(), "SELECT 1 FROM numbers WHERE n % 7 = 0",
                spec -> spec, 1_000).block();
        assertThat(floor).isEqualTo(new Totals.Total(1_001, false));
    }

    @Test
    void theEstimateIsReadFromThePlansTopLine() {
        assertThat(Totals.planRows("Bitmap Heap Scan on permit_directory  (cost=182.37..4126.77 rows=3648 width=4)"))
                .isEqualTo(3648);
        assertThatThrownBy(() -> Totals.planRows("Result")).isInstanceOf(IllegalStateException.class);
    }
}
