package gov.envgov.credit.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import gov.envgov.support.code.UnifiedSocialCreditCode;
import gov.envgov.support.testing.Latencies;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import reactor.core.publisher.Mono;

/**
 * The public facility report and the public credit lookup by code over 100,000 subjects with 1,000,000 facts of
 * history, at 50 concurrent clients through the service's HTTP API, against baselines measured in the same run at
 * the same concurrency on the same connection pool: the report's own SQL run directly over R2DBC, and a trivial
 * {@code SELECT 1}. Prints p50 and p99 and the p99 ratios. A benchmark, not a test:
 * {@code ./mvnw -pl credit-service verify -Dit.test=FacilityReportBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dsubjects=}, {@code -Dclients=}, {@code -Drequests=}).
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
class FacilityReportBenchmark {

    static final int SUBJECTS = Integer.getInteger("subjects", 100_000);
    static final int FACTS_PER_SUBJECT = 10;
    /** Valid unified social credit codes (the API refuses others), one per subject. */
    static final String[] CODES = java.util.stream.IntStream.rangeClosed(1, SUBJECTS)
            .mapToObj(n -> UnifiedSocialCreditCode.complete("91211103MA" + String.format("%07d", n)))
            .toArray(String[]::new);
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int REQUESTS = Integer.getInteger("requests", 5_000);
    static final String FACTS = "SELECT source_event_id, producer, subject_code, category, event_type, ref_id,"
            + " occurred_on, severity, summary, withdrawn_on FROM facility_fact WHERE subject_code = :subject"
            + " AND (occurred_on >= :since OR category = 'PERMIT')"
            + " ORDER BY occurred_on DESC, received_at DESC, source_event_id";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_facility_benchmark").register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;

    @Test
    void facilityReportAndPublicLookupAgainstTheirOwnSqlAndSelectOne() {
        load();
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
        IntFunction<Mono<?>> report = i -> http.get().uri("/api/public/credit/facilities/{code}", code(random()))
                .exchangeToMono(response -> response.statusCode().value() == 200 ? response.bodyToMono(byte[].class)
                        : Mono.error(new IllegalStateException("report answered " + response.statusCode())));
        // Subjects without a published grade: the lookup's whole path, answered 404 as the public sees it.
        IntFunction<Mono<?>> lookup = i -> http.get().uri("/api/public/credit/{code}", code(random()))
                .exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]));
        IntFunction<Mono<?>> reportSql = i -> {
            String code = code(random());
            return db.sql("SELECT code, name, district, management_class FROM credit_subject WHERE code = :code")
                    .bind("code", code).fetch().one()
                    .then(db.sql(FACTS).bind("subject", code).bind("since", java.time.LocalDate.of(2024, 1, 1))
                            .fetch().all().collectList());
        };
        IntFunction<Mono<?>> selectOne = i -> db.sql("SELECT 1 AS one").fetch().one();

        for (IntFunction<Mono<?>> call : List.of(report, lookup, reportSql, selectOne)) {
            run(call, Math.max(500, REQUESTS / 5));
        }
        Latencies one = run(selectOne, REQUESTS);
        Latencies direct = run(reportSql, REQUESTS);
        Latencies service = run(report, REQUESTS);
        Latencies lookups = run(lookup, REQUESTS);

        assertThat(service.count()).isEqualTo(REQUESTS);
        System.out.printf("FacilityReportBenchmark: %,d subjects, %,d facts, %d clients, %,d requests each%n",
                SUBJECTS, SUBJECTS * FACTS_PER_SUBJECT, CLIENTS, REQUESTS);
        print("SELECT 1 over R2DBC", one, one, direct);
        print("facility report, its SQL over R2DBC", direct, one, direct);
        print("GET /api/public/credit/facilities/{code}", service, one, direct);
        print("GET /api/public/credit/{code}", lookups, one, direct);
    }

    private void load() {
        db.sql("""
                        INSERT INTO credit_subject (code, name, district, management_class, version)
                        SELECT c, '盘锦示范企业' || n,
                               (ARRAY['双台子区', '兴隆台区', '大洼区', '盘山县'])[1 + n % 4],
                               CASE WHEN n % 3 = 0 THEN 'KEY' ELSE 'SIMPLIFIED' END, 1
                        FROM unnest(CAST(:codes AS text[])) WITH ORDINALITY AS t(c, n)""")
                .bind("codes", CODES).then().block();
        db.sql("""
                        INSERT INTO facility_fact (source_event_id, producer, subject_code, category, event_type,
                                                   ref_id, occurred_on, severity, summary, received_at)
                        SELECT md5('fact' || n || '-' || k)::uuid, 'permit-service',
                               c,
                               (ARRAY['PERMIT', 'REPORT', 'MONITORING', 'INSPECTION', 'PENALTY'])[1 + k % 5],
                               (ARRAY['PermitIssued', 'ExecutionReportFiled', 'MonitoringExceedance',
                                      'InspectionCompleted', 'PenaltyDecided'])[1 + k % 5],
                               md5('ref' || n)::text, DATE '2023-06-01' + CAST((n + k * 97) % 1200 AS integer),
                               (ARRAY['NONE', 'NONE', 'VIOLATION', 'NONE', 'SIGNIFICANT'])[1 + k % 5],
                               '示范事实：排口 DA001 二氧化硫 61.5（许可 50）', now()
                        FROM unnest(CAST(:codes AS text[])) WITH ORDINALITY AS t(c, n),
                             generate_series(1, :facts) AS k""")
                .bind("codes", CODES).bind("facts", FACTS_PER_SUBJECT).then().block();
        db.sql("ANALYZE credit_subject").then().block();
        db.sql("ANALYZE facility_fact").then().block();
    }

    private static int random() {
        return 1 + ThreadLocalRandom.current().nextInt(SUBJECTS);
    }

    private static String code(int n) {
        return CODES[n - 1];
    }

    private static Latencies run(IntFunction<Mono<?>> call, int requests) {
        return Latencies.run(call, requests, CLIENTS);
    }

    private static void print(String what, Latencies latencies, Latencies selectOne, Latencies direct) {
        Latencies.print(what, latencies, selectOne, direct);
    }
}
