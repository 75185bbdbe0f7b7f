package gov.envgov.credit.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.evaluation.EvaluationService;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.schedule.ClockTask;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quarterly rectification reports owed by a grade of the warning colours and worse (CRD-RECTIFICATION-QUARTERLY),
 * due across holidays and make-up days, filed by the enterprise alone and reviewed by the credit officer
 * (CRD-RECTIFICATION-REVIEW).
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class RectificationIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String ENT_B = "91211104MA0GB00028";
    static final String OFFICER = "Bearer " + TestTokens.of("credit1", "credit_officer");
    static final String AS_A = "Bearer " + TestTokens.enterprise("ent-a", ENT_A);
    static final String ENT_C = "91211102MA0GC00049";
    static final String AS_C = "Bearer " + TestTokens.enterprise("ent-c", ENT_C);
    static final String AS_B = "Bearer " + TestTokens.enterprise("ent-b", ENT_B);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_rectification").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    List<ClockTask> clockTasks;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    EvaluationService evaluations;

    @Test
    void crdRectificationQuarterlyAWorstGradeOwesFourQuartersDueAcrossHolidaysAndARepairWaivesTheRest() {
        // C's 2024 veto grade (严重失信, red), published 19 Mar 2025, owes the four quarters of 2025.
        UUID caseC = UUID.randomUUID();
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_C, "盘锦示范食品有限公司", "双台子区", "SIMPLIFIED", 1)
                .applyTo(feed("credit-subjects"), db, transactions);
        FeedFixtures enforcement = new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PenaltyDecided", "case", caseC.toString(), Map.of("caseId", caseC,
                        "enterpriseCode", ENT_C, "outcome", "PENALTY", "amount", 300000, "violation", "HIDDEN_PIPE",
                        "legalBasis", "水污染防治法 第八十三条", "veto", true, "decidedOn", "2024-09-10"));
        enforcement.applyTo(feed("credit-enforcement-records"), db, transactions);
        publish(2024, "2025-03-03", "2025-03-19");

        List<JsonNode> owed = items(get("/api/credit/my/rectifications", AS_C));
        assertThat(owed).extracting(report -> report.get("quarter").asString())
                .containsExactly("2025Q4", "2025Q3", "2025Q2", "2025Q1");
        assertThat(owed).allMatch(report -> report.get("grade").asString().equals("严重失信")
                && report.get("status").asString().equals("DUE") && report.get("period").asInt() == 2024);
        // Q1 ends Mon 31 Mar: ten working days over Qingming (4–6 Apr) end on 15 Apr; Q3 ends Tue 30 Sep: the
        // National Day week (1–8 Oct) and the make-up Saturday of 11 Oct make it 21 Oct.
        assertThat(quarter(owed, "2025Q1").get("dueOn").asString()).isEqualTo("2025-04-15");
        assertThat(quarter(owed, "2025Q3").get("dueOn").asString()).isEqualTo("2025-10-21");

        // Idempotent: the clock again owes nothing new.
        runClock();
        assertThat(items(get("/api/credit/my/rectifications", AS_C))).hasSize(4);

        // A repaired grade that no longer owes reports waives the open ones; the filed one stays.
        String q1 = quarter(owed, "2025Q1").get("id").asString();
        clock.setDay("2025-03-20");
        post("/api/credit/my/rectifications/" + q1, AS_C, Map.of("content", "已拆除暗管，恢复正常排放"), 200);
        enforcement.event(UUID.randomUUID(), "DecisionWithdrawn", "case", caseC.toString(), Map.of("caseId", caseC,
                        "enterpriseCode", ENT_C, "reason", "行政复议撤销", "withdrawnOn", "2025-03-19"))
                .applyTo(feed("credit-enforcement-records"), db, transactions);
        assertThat(evaluations.repaired(2024, ENT_C, "credit1").block().grade()).isEqualTo("守信");
        runClock();
        List<JsonNode> after = items(get("/api/credit/my/rectifications", AS_C));
        assertThat(quarter(after, "2025Q1").get("status").asString()).isEqualTo("FILED");
        assertThat(after.stream().filter(report -> !report.get("quarter").asString().equals("2025Q1")))
                .allMatch(report -> report.get("status").asString().equals("WAIVED"));
    }

    @Test
    void crdRectificationReviewOnlyTheEnterpriseFilesTheOfficerReturnsWithANoteLateFilingIsMarkedOverdueFirst() {
        publishedResults(UUID.randomUUID());
        List<JsonNode> owed = items(get("/api/credit/my/rectifications", AS_B));
        String q1 = quarter(owed, "2026Q1").get("id").asString();
        String q2 = quarter(owed, "2026Q2").get("id").asString();

        // Another enterprise's report does not exist for it; a quarter not yet begun cannot be filed.
        post("/api/credit/my/rectifications/" + q1, AS_A, Map.of("content", "x"), 404);
        post("/api/credit/my/rectifications/" + q2, AS_B, Map.of("content", "提前"), 422);
        post("/api/credit/my/rectifications/" + q1, AS_B, Map.of("content", " "), 400);
        post("/api/credit/my/rectifications/" + q1, OFFICER, Map.of("content", "代填"), 403);

        clock.setDay("2026-03-20");
        JsonNode filed = post("/api/credit/my/rectifications/" + q1, AS_B, Map.of("content", "完成雨污分流改造",
                "evidence", List.of(Map.of("name", "验收报告.pdf", "sha256", "b".repeat(64)))), 200);
        assertThat(filed.get("status").asString()).isEqualTo("FILED");
        assertThat(filed.get("late").asBoolean()).isFalse();
        assertThat(filed.get("evidence").get(0).get("sha256").asString()).isEqualTo("b".repeat(64));

        post("/api/credit/rectifications/" + q1 + "/review", OFFICER, Map.of("accepted", false), 422);
        post("/api/credit/rectifications/" + q1 + "/review", AS_B, Map.of("accepted", true), 403);
        JsonNode returned = post("/api/credit/rectifications/" + q1 + "/review", OFFICER,
                Map.of("accepted", false, "note", "缺少第三方监测报告"), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("reviewNote").asString()).isEqualTo("缺少第三方监测报告");

        // Filed again after the due day (15 Apr): late.
        clock.setDay("2026-04-16");
        runClock();
        JsonNode again = post("/api/credit/my/rectifications/" + q1, AS_B, Map.of("content", "补充监测报告"), 200);
        assertThat(again.get("late").asBoolean()).isTrue();
        assertThat(post("/api/credit/rectifications/" + q1 + "/review", OFFICER, Map.of("accepted", true), 200)
                .get("status").asString()).isEqualTo("ACCEPTED");
        post("/api/credit/rectifications/" + q1 + "/review", OFFICER, Map.of("accepted", true), 409);
        post("/api/credit/my/rectifications/" + q1, AS_B, Map.of("content", "再交"), 409);

        // Q2 ends 30 Jun and is due 14 Jul; on 20 Jul it is overdue and heads the officer's queue.
        clock.setDay("2026-07-20");
        runClock();
        JsonNode queue = get("/api/credit/rectifications?status=OVERDUE&status=DUE&size=200", OFFICER);
        assertThat(queue.get("items").get(0).get("status").asString()).isEqualTo("OVERDUE");
        List<JsonNode> ofB = items(queue.get("items")).stream()
                .filter(report -> report.get("subjectCode").asString().equals(ENT_B)).toList();
        // 2027's holiday notice is not out: until it is, only weekends count (1 Jan 2027 is a working day here).
        assertThat(ofB).extracting(report -> report.get("quarter").asString() + " " + report.get("status").asString()
                + " " + report.get("dueOn").asString())
                .containsExactly("2026Q2 OVERDUE 2026-07-14", "2026Q3 DUE 2026-10-20", "2026Q4 DUE 2027-01-14");
        web.get().uri("/api/credit/rectifications").header(HttpHeaders.AUTHORIZATION, AS_B).exchange()
                .expectStatus().isForbidden();
        JsonNode audit = JSON.readTree(db.sql("SELECT json_agg(action ORDER BY id) AS a FROM audit_log"
                + " WHERE object_type = 'rectification-report'").map(row -> row.get("a", String.class)).one()
                .block());
        assertThat(audit.toString()).contains("file", "return", "accept");
    }

    /** 2025 evaluated with B's veto penalty (严重失信) and A's minor exceedance (守信), final on 27 Feb 2026. */
    private void publishedResults(UUID caseB) {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", ENT_B, "盘锦鹤乡化工示范有限公司", "大洼区", "KEY", 1)
                .applyTo(feed("credit-subjects"), db, transactions);
        new FeedFixtures("permit-service")
                .event(UUID.randomUUID(), "MonitoringExceedance", "Enterprise", ENT_A, Map.of("episodeId",
                        UUID.randomUUID(), "enterpriseCode", ENT_A, "outlet", "DA001", "pollutant", "二氧化硫",
                        "startedAt", "2025-03-01T02:00:00Z", "concentration", 60.0, "permitted", 50.0))
                .applyTo(feed("credit-records"), db, transactions);
        new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PenaltyDecided", "case", caseB.toString(), Map.of("caseId", caseB,
                        "enterpriseCode", ENT_B, "outcome", "PENALTY", "amount", 300000, "violation", "HIDDEN_PIPE",
                        "legalBasis", "水污染防治法 第八十三条", "veto", true, "decidedOn", "2025-09-10"))
                .applyTo(feed("credit-enforcement-records"), db, transactions);
        publish(2025, "2026-01-28", "2026-02-27");
        assertThat(items(get("/api/credit/my/rectifications", AS_A))).isEmpty();
    }

    /** Evaluates a period, approves it once the objection window has closed, and publishes it. */
    private void publish(int period, String evaluatedOn, String publishedOn) {
        clock.setDay(evaluatedOn);
        post("/api/credit/evaluations", OFFICER, Map.of("period", period), 201);
        clock.setDay(publishedOn);
        post("/api/credit/evaluations/" + period + "/approval", OFFICER, Map.of(), 200);
        post("/api/credit/evaluations/" + period + "/publication", OFFICER, Map.of(), 200);
        assertThat(get("/api/credit/evaluations/" + period, OFFICER).get("status").asString()).isEqualTo("FINAL");
        runClock();
    }

    /** A consumer read from the feed's start: each test's fixtures number their events from 1. */
    private FeedSubscription feed(String consumer) {
        db.sql("DELETE FROM event_cursor WHERE consumer = :consumer").bind("consumer", consumer).then().block();
        return FeedFixtures.named(subscriptions, consumer);
    }

    private void runClock() {
        clockTasks.forEach(task -> task.run().block());
    }

    private static JsonNode quarter(List<JsonNode> reports, String quarter) {
        return reports.stream().filter(report -> report.get("quarter").asString().equals(quarter)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + quarter + " in " + reports));
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private JsonNode get(String uri, String token) {
        return JSON.readTree(web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private JsonNode post(String uri, String token, Object body, int status) {
        byte[] response = web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return response == null ? JSON.nullNode() : JSON.readTree(response);
    }
}
