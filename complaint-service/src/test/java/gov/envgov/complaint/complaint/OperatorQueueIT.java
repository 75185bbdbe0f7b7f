package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.sql.SqlValues;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * PERF-OPERATOR-QUEUE: the work queues in their order, filtered by state and district, page after page by keyset or
 * offset, their total exact up to the cap (100 here) and estimated beyond, read from the partial indexes of V15.
 * Every expectation is worked out here from the stored rows, not by the service's SQL.
 */
@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false",
        "envgov.complaint.queue.exact-total-up-to=100"})
@DisplayName("PERF-OPERATOR-QUEUE")
class OperatorQueueIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    private static final String XLT_UNIT = "兴隆台区生态环境分局";
    private static final String XLT = TestTokens.unit("handler-xlt", XLT_UNIT, "complaint_handler");
    private static final String XLT_DISTRICT = "兴隆台区";
    private static boolean seeded;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("operator_queue").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    /** A stored complaint's order key as the queue must sort it. */
    record Row(UUID id, String status, String district, boolean emergency, LocalDate dueDate, Instant registeredAt,
               String unit) {
    }

    /** Emergencies first, then the earliest due with none set last, the oldest, and PostgreSQL's order of uuids. */
    private static final Comparator<Row> UNIT_ORDER = Comparator
            .comparing(Row::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Row::registeredAt)
            .thenComparing(row -> row.id().toString());
    private static final Comparator<Row> OPERATOR_ORDER = Comparator.comparing((Row row) -> row.emergency() ? 0 : 1)
            .thenComparing(UNIT_ORDER);

    /**
     * Twenty thousand closed complaints around ~600 of every state, so the planner sees a table shaped like a
     * real year; due dates and registration times repeat (ties go to the id), some due dates are not set.
     */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        db.sql("""
                INSERT INTO complaint (id, tracking_code, filed_by, channel, type, category, description, district,
                                       status, registered_at, due_date, handling_unit, version)
                SELECT gen_random_uuid(), 'HB-Q-' || g, 'seed', 'WEB',
                       CASE WHEN g % 50 = 0 THEN 'EMERGENCY' ELSE 'COMPLAINT' END, 'AIR', '种子数据',
                       (ARRAY['双台子区','兴隆台区','大洼区','盘山县','辽东湾新区'])[1 + g % 5],
                       CASE WHEN g > 600 THEN 'CLOSED'
                            ELSE (ARRAY['REGISTERED','RETURNED','REPLIED','FOLLOWED_UP','CLOSED','HANDLING',
                                        'LINKED','DISPATCHED'])[1 + g % 8] END,
                       timestamptz '2026-01-05 08:00:00.123456+08' + (g % 40) * interval '1 hour',
                       CASE WHEN g % 37 = 0 THEN NULL ELSE date '2026-03-01' + (g * 7919) % 25 END,
                       CASE WHEN g % 8 IN (5, 7) THEN (ARRAY['兴隆台区生态环境分局','大洼区生态环境分局'])[1 + g / 8 % 2]
                       END, 1
                FROM generate_series(1, 20600) g""").then()
                .then(db.sql("ANALYZE complaint").then())
                .block(WAIT);
        seeded = true;
    }

    private List<Row> stored() {
        return db.sql("SELECT id, status, district, type, due_date, registered_at, handling_unit FROM complaint")
                .map(row -> new Row(row.get("id", UUID.class), row.get("status", String.class),
                        row.get("district", String.class), "EMERGENCY".equals(row.get("type", String.class)),
                        row.get("due_date", LocalDate.class), row.get("registered_at", Instant.class),
                        row.get("handling_unit", String.class)))
                .all().collectList().block(WAIT);
    }

    private List<String> expected(Set<ComplaintStatus> queue, Predicate<Row> filter, Comparator<Row> order) {
        Set<String> states = Set.of(SqlValues.names(queue));
        return stored().stream().filter(row -> states.contains(row.status())).filter(filter).sorted(order)
                .map(row -> row.id().toString()).toList();
    }

    private JsonNode page(String token, String query) {
        return web.get().uri("/api/complaints/queue?" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Every page of the queue, each after the place the one before ended at. */
    private List<String> walkByKeyset(String token, String filter) {
        List<String> all = new ArrayList<>();
        JsonNode page = page(token, "size=25" + filter);
        all.addAll(ids(page));
        while (page.hasNonNull("next")) {
            page = page(token, "size=25" + filter + "&after=" + page.get("next").asString());
            all.addAll(ids(page));
        }
        return all;
    }

    private List<String> walkByOffset(String token, String filter) {
        List<String> all = new ArrayList<>();
        for (int n = 0; ; n++) {
            List<String> ids = ids(page(token, "size=25&page=" + n + filter));
            all.addAll(ids);
            if (ids.size() < 25) {
                return all;
            }
        }
    }

    @Test
    void theOperatorsQueueHoldsWhatWaitsForThemEmergenciesFirstThenTheEarliestDue() {
        List<String> expected = expected(ComplaintStatus.OPERATOR_QUEUE, row -> true, OPERATOR_ORDER);
        assertThat(expected).hasSizeGreaterThan(250);
        assertThat(walkByKeyset(OPERATOR, "")).containsExactlyElementsOf(expected);
        assertThat(walkByOffset(OPERATOR, "")).containsExactlyElementsOf(expected);
    }

    @Test
    void aUnitsQueueHoldsWhatWasDispatchedToItEarliestDueFirst() {
        List<String> expected = expected(ComplaintStatus.UNIT_QUEUE, row -> XLT_UNIT.equals(row.unit()), UNIT_ORDER);
        assertThat(expected).isNotEmpty();
        assertThat(walkByKeyset(XLT, "")).containsExactlyElementsOf(expected);
    }

    @Test
    void theQueueNarrowsToADistrictAStateOrBothWithExactTotalsBelowTheCap() {
        List<String> district = expected(ComplaintStatus.OPERATOR_QUEUE,
                row -> XLT_DISTRICT.equals(row.district()), OPERATOR_ORDER);
        List<String> returned = expected(Set.of(ComplaintStatus.RETURNED), row -> true, OPERATOR_ORDER);
        List<String> both = expected(Set.of(ComplaintStatus.RETURNED),
                row -> XLT_DISTRICT.equals(row.district()), OPERATOR_ORDER);
        assertThat(both).isNotEmpty();

        assertThat(walkByKeyset(OPERATOR, "&district=" + XLT_DISTRICT)).containsExactlyElementsOf(district);
        assertThat(walkByKeyset(OPERATOR, "&status=RETURNED")).containsExactlyElementsOf(returned);
        assertThat(walkByKeyset(OPERATOR, "&status=RETURNED&district=" + XLT_DISTRICT))
                .containsExactlyElementsOf(both);
        assertExactTotal("&district=" + XLT_DISTRICT, district.size());
        assertExactTotal("&status=RETURNED", returned.size());
    }

    private void assertExactTotal(String filter, int expected) {
        JsonNode first = page(OPERATOR, "size=5" + filter);
        assertThat(expected).isLessThanOrEqualTo(100);
        assertThat(first.get("total").asLong()).isEqualTo(expected);
        assertThat(first.get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void aStateOutsideTheQueueOrAForgedPlaceIsRefused() {
        web.get().uri("/api/complaints/queue?status=CLOSED").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-in-queue");
        web.get().uri("/api/complaints/queue?status=REGISTERED").header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT)
                .exchange().expectStatus().isEqualTo(422);
        web.get().uri("/api/complaints/queue?after=bm90LWEtcGxhY2U")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-cursor");
    }

    @Test
    void aQueueLongerThanTheCapAnswersTheDatabasesEstimateAndSaysSo() {
        int queued = expected(ComplaintStatus.OPERATOR_QUEUE, row -> true, OPERATOR_ORDER).size();
        assertThat(queued).isGreaterThan(100);
        JsonNode first = page(OPERATOR, "size=20");
        assertThat(first.get("totalExact").asBoolean()).isFalse();
        assertThat(first.get("total").asLong()).isGreaterThan(100).isBetween(queued * 8L / 10, queued * 12L / 10);
        assertThat(first.get("items").size()).isEqualTo(20);
        assertThat(first.hasNonNull("next")).isTrue();

        int unitQueue = expected(ComplaintStatus.UNIT_QUEUE, row -> XLT_UNIT.equals(row.unit()), UNIT_ORDER).size();
        JsonNode unit = page(XLT, "size=20");
        assertThat(unitQueue).isLessThanOrEqualTo(100);
        assertThat(unit.get("total").asLong()).isEqualTo(unitQueue);
        assertThat(unit.get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void thePageAfterAPlaceNeitherSkipsNorRepeatsWhenComplaintsLeaveTheQueueMeanwhile() {
        String district = "&district=盘山县";
        List<String> before = expected(ComplaintStatus.OPERATOR_QUEUE, row -> "盘山县".equals(row.district()),
                OPERATOR_ORDER);
        JsonNode first = page(OPERATOR, "size=10" + district);
        assertThat(ids(first)).containsExactlyElementsOf(before.subList(0, 10));

        // Two complaints of the first page are closed before the operator asks for the second.
        db.sql("UPDATE complaint SET status = 'CLOSED' WHERE id = ANY(:ids)")
                .bind("ids", new UUID[] {UUID.fromString(before.get(0)), UUID.fromString(before.get(1))})
                .then().block(WAIT);

        JsonNode second = page(OPERATOR, "size=10" + district + "&after=" + first.get("next").asString());
        assertThat(ids(second)).containsExactlyElementsOf(before.subList(10, 20));
        // By offset the same page would have started two complaints later.
        assertThat(ids(page(OPERATOR, "size=10&page=1" + district))).startsWith(before.get(12));
    }

    /** The plan of a queue query as the service binds it. */
    private String plan(String sql, WorkQueue queue, boolean after) {
        var explain = db.sql("EXPLAIN " + sql).bind("states", SqlValues.names(queue.states())).bind("limit", 20);
        if (queue.district() != null) {
            explain = explain.bind("district", queue.district());
        }
        if (queue.unit() != null) {
            explain = explain.bind("unit", queue.unit());
        }
        if (sql.contains(":offset")) {
            explain = explain.bind("offset", 0);
        }
        if (after) {
            explain = explain.bind("afterDue", LocalDate.parse("2026-03-01"))
                    .bind("afterRegistered", Instant.parse("2026-01-01T00:00:00Z"))
                    .bind("afterId", UUID.randomUUID());
            if (queue.operators()) {
                explain = explain.bind("afterPriority", (short) 1);
            }
        }
        return String.join("\n", explain.map(row -> row.get(0, String.class)).all().collectList().block(WAIT));
    }

    @Test
    void eachQueueAndFilterIsReadInOrderFromAPartialIndexAndCountingStopsAtTheCap() {
        WorkQueue all = new WorkQueue(null, ComplaintStatus.OPERATOR_QUEUE, null);
        WorkQueue district = new WorkQueue(null, ComplaintStatus.OPERATOR_QUEUE, XLT_DISTRICT);
        WorkQueue unit = new WorkQueue(XLT_UNIT, ComplaintStatus.UNIT_QUEUE, null);

        assertThat(plan(ComplaintRepository.queueSql(all, false), all, false))
                .contains("complaint_operator_queue").doesNotContain("Sort");
        assertThat(plan(ComplaintRepository.queueSql(all, true), all, true))
                .contains("Index Cond: (ROW(priority").doesNotContain("Sort");
        // Sixty complaints of a district are sorted cheaper than read in order; a district's own index finds them.
        assertThat(plan(ComplaintRepository.queueSql(district, false), district, false))
                .contains("complaint_operator_queue_district");
        assertThat(plan(ComplaintRepository.queueSql(district, true), district, true))
                .contains("complaint_operator_queue").doesNotContain("Sort");
        assertThat(plan(ComplaintRepository.queueSql(unit, true), unit, true))
                .contains("complaint_unit_queue").doesNotContain("Sort");
        assertThat(plan(ComplaintRepository.queueCountSql(all), all, false)).contains("Limit");
    }
}
