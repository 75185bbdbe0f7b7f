package gov.envgov.enforcement.positivelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.code.UnifiedSocialCreditCode;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The positive list computed from what the service knows: a real penalty decided through the case procedure,
 * incident and report clues, a completed inspection of the monitoring item; listed for three years, removed on a
 * breach, assessed again when the term ends. The clock starts on 12 Feb 2026 and is moved by hand.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class PositiveListIT {

    static final String CLEAN = UnifiedSocialCreditCode.complete("91211103MA0GP0001");
    static final String INCIDENT = UnifiedSocialCreditCode.complete("91211103MA0GP0002");
    static final String OLD_REPORT = UnifiedSocialCreditCode.complete("91211103MA0GP0003");
    static final String KEY_UNMONITORED = UnifiedSocialCreditCode.complete("91211103MA0GP0004");
    static final String KEY_MONITORED = UnifiedSocialCreditCode.complete("91211103MA0GP0005");
    static final String ADMIN = "Bearer " + TestTokens.of("admin1", "admin");
    static final String INSPECTOR1 = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String INSPECTOR3 = "Bearer " + TestTokens.staff("inspector3", "大洼区", "inspector");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_positive_list").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    PositiveListService positiveList;

    @Test
    void unitsAreListedByTheRulesRemovedOnAPenaltyAndAssessedAgainAfterTheirTerm() {
        clock.setDay("2026-02-12");
        FeedFixtures pool = new FeedFixtures("permit-service");
        for (String code : List.of(CLEAN, INCIDENT, OLD_REPORT)) {
            pool.enterprise("EnterpriseRegistered", code, "盘锦正面" + code.substring(14, 17) + "有限公司", "兴隆台区",
                    "SIMPLIFIED", 1);
        }
        pool.enterprise("EnterpriseRegistered", KEY_UNMONITORED, "盘锦未联网有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", KEY_MONITORED, "盘锦已联网有限公司", "兴隆台区", "KEY", 1)
                .applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
        clue(INCIDENT, "COMPLAINT", "2025-06-01");
        clue(OLD_REPORT, "REPORT_OVERDUE", "2023-12-01");
        monitoringChecked(KEY_MONITORED, "2025-10-10");

        JsonNode first = post("/api/enforcement/positive-list/evaluation", ADMIN, HttpStatus.OK);
        assertThat(first.get("listed").asInt()).isEqualTo(3);
        assertThat(flagged()).containsExactlyInAnyOrder(CLEAN, OLD_REPORT, KEY_MONITORED);
        assertThat(post("/api/enforcement/positive-list/evaluation", ADMIN, HttpStatus.OK).get("listed").asInt())
                .isZero();
        JsonNode published = JSON.readTree(web.get().uri("/api/public/inspections/positive-list").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(published.get("total").asInt()).isEqualTo(3);
        assertThat(published.get("items").get(0).get("listedUntil").asString()).isEqualTo("2029-02-11");
        assertThat(published.toString()).contains("盘锦已联网有限公司").doesNotContain(INCIDENT);
        JsonNode why = get("/api/enforcement/positive-list/" + KEY_UNMONITORED);
        assertThat(why.get("broken").findValuesAsString("broken")).isEmpty();
        assertThat(why.get("broken").get(0).asString()).isEqualTo("monitoring");
        web.post().uri("/api/enforcement/positive-list/evaluation").header(HttpHeaders.AUTHORIZATION, INSPECTOR1)
                .exchange().expectStatus().isForbidden();

        // ENF-POSITIVE-LIST-REMOVAL: a penalty decided through the procedure removes the unit on the next run.
        decidePenalty(CLEAN);
        assertThat(positiveList.evaluateOnTheClock().block()).isEqualTo(1L);
        assertThat(flagged()).containsExactlyInAnyOrder(OLD_REPORT, KEY_MONITORED);
        assertThat(strings("SELECT payload::text FROM event_outbox WHERE event_type = 'PositiveListChanged'"
                + " AND aggregate_id = '" + CLEAN + "' ORDER BY position")).hasSize(2)
                .last().satisfies(payload -> assertThat(JSON.readTree(payload).get("listed").asBoolean()).isFalse())
                .satisfies(payload -> assertThat(payload).contains("penalty"));

        // ENF-POSITIVE-LIST-TERM: three years on, terms end: renewed where the rules still hold, else removed; the
        // day's pass lists the units that have been clean for two years since.
        clock.setDay("2029-02-12");
        assertThat(positiveList.evaluateOnTheClock().block()).isEqualTo(4L);
        assertThat(flagged()).containsExactlyInAnyOrder(OLD_REPORT, CLEAN, INCIDENT);
        assertThat(get("/api/enforcement/positive-list/" + KEY_MONITORED).get("entry").get("removalReason")
                .asString()).isEqualTo("monitoring");
        assertThat(positiveList.evaluateOnTheClock().block()).isZero();
        assertThat(strings("SELECT action FROM audit_log WHERE object_type = 'positive-list' AND object_id = '"
                + CLEAN + "' ORDER BY id")).containsExactly("list", "remove", "list");
    }

    private void decidePenalty(String unit) {
        String clue = JSON.readTree(web.post().uri("/api/enforcement/clues").header(HttpHeaders.AUTHORIZATION,
                        INSPECTOR1).bodyValue(Map.of("enterpriseCode", unit, "summary", "巡查发现超标排放")).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();
        Map<String, Object> file = new HashMap<>(Map.of("party", "ORGANISATION", "violation", "OVER_LIMIT_DISCHARGE",
                "legalBasis", "大气污染防治法 第九十九条", "violationEndedOn", "2026-02-10",
                "investigators", List.of("inspector1", "inspector2")));
        String id = post("/api/enforcement/clues/" + clue + "/case", file, INSPECTOR1, HttpStatus.CREATED)
                .get("id").asString();
        post("/api/enforcement/cases/" + id + "/investigation", null, INSPECTOR1, HttpStatus.OK);
        post("/api/enforcement/cases/" + id + "/review", null, INSPECTOR1, HttpStatus.OK);
        post("/api/enforcement/cases/" + id + "/notice", Map.of("proposedFine", 50000), INSPECTOR3, HttpStatus.OK);
        post("/api/enforcement/cases/" + id + "/decision", Map.of("outcome", "PENALTY", "fine", 50000,
                "reason", "超标排放"), INSPECTOR1, HttpStatus.OK);
    }

    private void clue(String unit, String source, String receivedOn) {
        db.sql("""
                INSERT INTO clue (id, source, source_event_id, enterprise_code, summary, details, status, received_on,
                                  filing_due, received_at, entered_by)
                VALUES (gen_random_uuid(), :source, gen_random_uuid(), :unit, '线索', '{}', 'OPEN',
                        CAST(:on AS date), CAST(:on AS date) + 21, now(), 'system:feed')""")
                .bind("source", source).bind("unit", unit).bind("on", receivedOn).then().block();
    }

    /** A completed inspection that passed the monitoring item, as the inspection feature stores one. */
    private void monitoringChecked(String unit, String on) {
        UUID draw = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        db.sql("""
                INSERT INTO draw (id, period, level, district, management_class, inspectors, seed, seed_commitment,
                                  status, announced_at, announced_by, version)
                VALUES (:draw, '2025Q4', 'COUNTY', '兴隆台区', 'KEY', 0, 'ab', 'cd', 'PUBLISHED', now(), 'x', 0)""")
                .bind("draw", draw).then().block();
        db.sql("""
                INSERT INTO inspection_task (id, draw_id, enterprise_code, status, inspectors, created_at, version)
                VALUES (:task, :draw, :unit, 'DONE', '{}', now(), 0)""")
                .bind("task", task).bind("draw", draw).bind("unit", unit).then().block();
        db.sql("""
                INSERT INTO inspection (task_id, draw_id, enterprise_code, inspectors, mode, status, checklist,
                                        started_at, started_by, completed_on, result, version)
                VALUES (:task, :draw, :unit, '{}', 'ON_SITE', 'COMPLETED',
                        '[{"itemId": "JC-ONLINE-MONITORING", "outcome": "PASSED"},
                          {"itemId": "JC-VOC", "outcome": "FAILED", "finding": "x"}]',
                        now(), 'x', CAST(:on AS date), 'FAILED', 0)""")
                .bind("task", task).bind("draw", draw).bind("unit", unit).bind("on", on).then().block();
    }

    private List<String> flagged() {
        return strings("SELECT code FROM pool_entity WHERE positive_list ORDER BY code");
    }

    private JsonNode post(String path, String token, HttpStatus status) {
        return post(path, null, token, status);
    }

    private JsonNode post(String path, Object body, String token, HttpStatus status) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token);
        var exchange = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return JSON.readTree(exchange.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private JsonNode get(String path) {
        return JSON.readTree(web.get().uri(path).header(HttpHeaders.AUTHORIZATION, INSPECTOR1).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private List<String> strings(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
