package gov.envgov.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import gov.envgov.support.testing.Latencies;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inspectors' case queue and the public penalty search over 100,000 cases (40,000 of them published penalty
 * decisions) at 50 concurrent clients through the service's HTTP API (security, JSON, both queries of a page), each
 * against baselines measured in the same run at the same concurrency on the same connection pool: the same two SQL
 * statements run directly over R2DBC, and a trivial {@code SELECT 1}. Prints p50 and p99 and the p99 ratios.
 * A benchmark, not a test: {@code ./mvnw -pl enforcement-service verify -Dit.test=CaseQueueBenchmark}
 * ({@code -Dcases=}, {@code -Dclients=}, {@code -Drequests=} for other sizes).
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
class CaseQueueBenchmark {

    static final int CASES = Integer.getInteger("cases", 100_000);
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int REQUESTS = Integer.getInteger("requests", 5_000);
    static final String[] DISTRICTS = {"双台子区", "兴隆台区", "大洼区", "盘山县", "辽东湾新区"};
    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String QUEUE = "SELECT id, status, facts, procedure, version FROM enforcement_case"
            + " WHERE next_due IS NOT NULL AND (CAST(:enterprise AS text) IS NULL OR enterprise_code = :enterprise)"
            + " ORDER BY next_due, created_at, id LIMIT :limit OFFSET :offset";
    static final String QUEUE_COUNT = "SELECT count(*) AS n FROM enforcement_case WHERE next_due IS NOT NULL"
            + " AND (CAST(:enterprise AS text) IS NULL OR enterprise_code = :enterprise)";
    static final String FILTER = " WHERE (CAST(:enterprise AS text) IS NULL OR enterprise_code = :enterprise)"
            + " AND (CAST(:district AS text) IS NULL OR district = :district)"
            + " AND (CAST(:year AS integer) IS NULL OR extract(year FROM decided_on) = :year)";
    static final String SEARCH = "SELECT case_id, enterprise_code, party, district, violation, legal_basis, fine,"
            + " summary, decided_on, published_on, publish_due, withdrawn_on, withdrawal_reason"
            + " FROM penalty_publication" + FILTER + " ORDER BY decided_on DESC, case_id LIMIT :limit OFFSET :offset";
    static final String SEARCH_COUNT = "SELECT count(*) AS n FROM penalty_publication" + FILTER;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_case_benchmark").register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    JsonMapper json;
    @Autowired
    CaseRules rules;

    @Test
    void caseQueueAndPublicPenaltySearchAgainstTheirOwnSqlAndSelectOne() {
        load();
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();

        IntFunction<Mono<?>> queue = i -> http.get().uri("/api/enforcement/cases?page={page}&size=20", page())
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).retrieve().bodyToMono(byte[].class);
        IntFunction<Mono<?>> search = i -> http.get().uri(searchUri(i)).retrieve().bodyToMono(byte[].class);
        IntFunction<Mono<?>> queueSql = i -> db.sql(QUEUE).bind("enterprise", Parameter.empty(String.class))
                .bind("limit", 20).bind("offset", page() * 20L).fetch().all().collectList()
                .then(db.sql(QUEUE_COUNT).bind("enterprise", Parameter.empty(String.class)).fetch().one());
        IntFunction<Mono<?>> searchSql = i -> bindSearch(db.sql(SEARCH), i).bind("limit", 20)
                .bind("offset", i % 3 == 0 ? page() * 20L : 0L).fetch().all().collectList()
                .then(bindSearch(db.sql(SEARCH_COUNT), i).fetch().one());
        IntFunction<Mono<?>> selectOne = i -> db.sql("SELECT 1 AS one").fetch().one();

        // Warm-up: JIT, connection pools, plans and the database's caches.
        for (IntFunction<Mono<?>> call : List.of(queue, search, queueSql, searchSql, selectOne)) {
            run(call, Math.max(500, REQUESTS / 5));
        }
        Latencies one = run(selectOne, REQUESTS);
        Latencies queueDirect = run(queueSql, REQUESTS);
        Latencies queueService = run(queue, REQUESTS);
        Latencies searchDirect = run(searchSql, REQUESTS);
        Latencies searchService = run(search, REQUESTS);

        assertThat(queueService.count()).isEqualTo(REQUESTS);
        System.out.printf("CaseQueueBenchmark: %,d cases (%,d published penalties), %d clients, %,d requests each%n",
                CASES, published(), CLIENTS, REQUESTS);
        print("SELECT 1 over R2DBC", one, one, queueDirect);
        print("case queue, its SQL over R2DBC", queueDirect, one, queueDirect);
        print("case queue, GET /api/enforcement/cases", queueService, one, queueDirect);
        print("penalty search, its SQL over R2DBC", searchDirect, one, searchDirect);
        print("penalty search, GET /api/public/penalties", searchService, one, searchDirect);
    }

    private void load() {
        CaseFacts facts = new CaseFacts(null, "X", PartyKind.ORGANISATION, "OVER_LIMIT_DISCHARGE",
                "大气污染防治法 第九十九条第二项", false, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 28), false,
                false);
        EnforcementCase template = EnforcementCase.file(UUID.randomUUID(), facts, List.of("inspector1",
                "inspector2"), LocalDate.of(2026, 9, 1), rules).next();
        // 60 % open (a deadline ahead, in the queue), 40 % decided and closed with their decision published.
        db.sql("""
                        INSERT INTO enforcement_case (id, clue_id, enterprise_code, status, facts, procedure, next_due,
                                                      created_at, updated_at, version)
                        SELECT md5('case' || n)::uuid, NULL, '91211103MA' || lpad((n % 1000)::text, 8, '0'),
                               CASE WHEN n % 10 < 6 THEN (ARRAY['FILED', 'INVESTIGATING', 'CASE_REVIEW',
                                   'NOTICE_SERVED'])[1 + n % 4] ELSE 'CLOSED' END,
                               jsonb_set(CAST(:facts AS jsonb), '{enterpriseCode}',
                                   to_jsonb('91211103MA' || lpad((n % 1000)::text, 8, '0'))),
                               CAST(:procedure AS jsonb),
                               CASE WHEN n % 10 < 6 THEN DATE '2026-06-01' + (n % 400) END,
                               now() - n * interval '1 minute', now(), 0
                        FROM generate_series(1, :cases) AS n""")
                .bind("facts", Json.of(json.writeValueAsString(template.facts())))
                .bind("procedure", Json.of(json.writeValueAsString(template.procedure())))
                .bind("cases", CASES).then().block();
        db.sql("""
                        INSERT INTO penalty_publication (case_id, enterprise_code, party, district, violation,
                                                         legal_basis, fine, summary, decided_on, published_on,
                                                         publish_due)
                        SELECT md5('case' || n)::uuid, '91211103MA' || lpad((n % 1000)::text, 8, '0'),
                               '盘锦示范企业' || (n % 1000), (ARRAY['双台子区', '兴隆台区', '大洼区', '盘山县',
                               '辽东湾新区'])[1 + n % 5], 'OVER_LIMIT_DISCHARGE', '大气污染防治法 第九十九条第二项',
                               10000 + n % 90 * 1000, '超标排放大气污染物，责令改正并处罚款',
                               DATE '2024-01-01' + (n % 1000), DATE '2024-01-03' + (n % 1000),
                               DATE '2024-01-10' + (n % 1000)
                        FROM generate_series(1, :cases) AS n WHERE n % 10 >= 6""")
                .bind("cases", CASES).then().block();
        db.sql("ANALYZE enforcement_case").then().block();
        db.sql("ANALYZE penalty_publication").then().block();
    }

    private long published() {
        return db.sql("SELECT count(*) AS n FROM penalty_publication").map(row -> row.get("n", Long.class)).one()
                .block();
    }

    /** A third each: the newest page or one of the next nine, one district, one year. */
    private static String searchUri(int i) {
        switch (i % 3) {
            case 0:
                return "/api/public/penalties?page=" + page() + "&size=20";
            case 1:
                return "/api/public/penalties?district=" + DISTRICTS[i % 5] + "&size=20";
            default:
                return "/api/public/penalties?year=" + (2024 + i % 3) + "&size=20";
        }
    }

    private static DatabaseClient.GenericExecuteSpec bindSearch(DatabaseClient.GenericExecuteSpec spec, int i) {
        return spec.bind("enterprise", Parameter.empty(String.class))
                .bind("district", i % 3 == 1 ? Parameter.from(DISTRICTS[i % 5]) : Parameter.empty(String.class))
                .bind("year", i % 3 == 2 ? Parameter.from(2024 + i % 3) : Parameter.empty(Integer.class));
    }

    /** The first page most often, as inspectors read the queue; now and then one of the next nine. */
    private static int page() {
        return ThreadLocalRandom.current().nextInt(10) < 7 ? 0 : 1 + ThreadLocalRandom.current().nextInt(9);
    }

    private static Latencies run(IntFunction<Mono<?>> call, int requests) {
        return Latencies.run(call, requests, CLIENTS);
    }

    private static void print(String what, Latencies latencies, Latencies selectOne, Latencies direct) {
        Latencies.print(what, latencies, selectOne, direct);
    }
}
