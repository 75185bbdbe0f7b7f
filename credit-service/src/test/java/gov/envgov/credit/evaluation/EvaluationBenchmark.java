package gov.envgov.credit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/**
 * Evaluating a period of 100,000 subjects with 1,000,000 records through the service (load, score every subject
 * with its explanation, write the frozen results), against the floor: one SQL aggregate over the same records in the
 * same database, read in full. A benchmark, not a test:
 * {@code ./mvnw -pl credit-service verify -Dit.test=EvaluationBenchmark} ({@code -Dsubjects=}, {@code -Drecords=}
 * for other sizes).
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class EvaluationBenchmark {

    static final int SUBJECTS = Integer.getInteger("subjects", 100_000);
    static final int RECORDS = Integer.getInteger("records", 1_000_000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_evaluation_benchmark").register(registry);
    }

    @Autowired
    DatabaseClient db;
    @Autowired
    EvaluationService evaluations;

    @Test
    void evaluateAPeriodAgainstOneSqlAggregateOverTheSameRecords() {
        db.sql("""
                INSERT INTO credit_subject (code, name, district, management_class, version)
                SELECT 'B' || lpad(n::text, 17, '0'), 'unit ' || n, '兴隆台区', 'KEY', 1
                FROM generate_series(1, %d) AS n""".formatted(SUBJECTS)).then().block();
        db.sql("""
                INSERT INTO credit_record (id, subject_code, period, origin, producer, feed, source_position,
                    source_event_id, event_type, occurred_on, known_on, measure, flagged, scheme_version, rule,
                    indicator, severity, points, summary, details, evidence, enter_by, entered_on, entered_at,
                    entered_by, status)
                SELECT gen_random_uuid(), 'B' || lpad((1 + n %% %d)::text, 17, '0'), 2025, 'FEED',
                       'permit-service', 'credit-records', n, gen_random_uuid(), 'MonitoringExceedance',
                       DATE '2025-01-01' + (n %% 365), DATE '2025-01-01' + (n %% 365), (n %% 30) / 10.0, false,
                       'LN-2022-1', 'LN-EXCEEDANCE', 'EXCEEDANCE', 'MINOR', 2, '在线监测超标', '{}', '[]',
                       DATE '2025-01-15', DATE '2025-01-01', now(), 'system:feed', 'ACTIVE'
                FROM generate_series(1, %d) AS n""".formatted(SUBJECTS, RECORDS)).then().block();
        db.sql("ANALYZE credit_record").then().block();
        db.sql("ANALYZE credit_subject").then().block();

        long floorStart = System.nanoTime();
        Long floorRows = db.sql("""
                        SELECT subject_code, greatest(0, 100 - least(40, sum(points))) AS score
                        FROM credit_record WHERE period = 2025 AND status = 'ACTIVE' GROUP BY subject_code""")
                .map(row -> row.get("score", Integer.class)).all().count().block();
        long floorMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floorStart);

        long start = System.nanoTime();
        evaluations.start(2025, "benchmark").block();
        long serviceMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        Long results = db.sql("SELECT count(*) AS n FROM credit_result").map(row -> row.get("n", Long.class)).one()
                .block();
        assertThat(results).isEqualTo(SUBJECTS);
        assertThat(floorRows).isEqualTo(SUBJECTS);
        System.out.printf("EvaluationBenchmark: %,d subjects, %,d records: evaluation %,d ms; SQL aggregate floor"
                + " %,d ms; ratio %.1f%n", SUBJECTS, RECORDS, serviceMillis, floorMillis,
                (double) serviceMillis / Math.max(1, floorMillis));
    }
}
