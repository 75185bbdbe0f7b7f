package gov.envgov.credit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * A period's evaluation through the whole procedure on real PostgreSQL: subjects in scope, the preliminary result
 * frozen and explained, an objection upheld as a new version, approval after the window, final publication by the
 * clock on its last day across the Spring Festival, CreditGradePublished on the feed, the public lookup, and a
 * published result that later changes to records do not touch.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class EvaluationIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String ENT_B = "91211104MA0GB00028";
    static final String ENT_C = "91211102MA0GC00049";
    static final String ENT_D = "91211122MA0GD0003W";
    static final String OFFICER = "Bearer " + TestTokens.of("credit1", "credit_officer");
    static final String AS_A = "Bearer " + TestTokens.enterprise("ent-a", ENT_A);
    static final String AS_B = "Bearer " + TestTokens.enterprise("ent-b", ENT_B);
    static final String SERVICE = "Bearer " + TestTokens.of("service-account-enforcement-service", "service");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_evaluation").register(registry);
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

    @Test
    void aPeriodGoesFromPreliminaryThroughAnUpheldObjectionToFinalPublicationAndStaysPublished() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", ENT_B, "盘锦鹤乡化工示范有限公司", "大洼区", "KEY", 1)
                .enterprise("EnterpriseRegistered", ENT_C, "盘锦示范食品有限公司", "双台子区", "SIMPLIFIED", 1)
                .enterprise("EnterpriseRegistered", ENT_D, "盘山示范纸业有限公司", "盘山县", "SIMPLIFIED", 1)
                .applyTo(FeedFixtures.named(subscriptions, "credit-subjects"), db, transactions);
        UUID exceedanceEvent = UUID.randomUUID();
        new FeedFixtures("permit-service")
                .event(exceedanceEvent, "MonitoringExceedance", "Enterprise", ENT_A, Map.of("episodeId",
                        UUID.randomUUID(), "enterpriseCode", ENT_A, "outlet", "DA001", "pollutant", "二氧化硫",
                        "startedAt", "2025-03-01T02:00:00Z", "concentration", 150.0, "permitted", 50.0))
                .event(UUID.randomUUID(), "ExecutionReportOverdue", "Permit", "p-d", Map.of("permitId",
                        UUID.randomUUID(), "enterpriseCode", ENT_D, "frequency", "ANNUAL",
                        "periodStart", "2024-01-01", "dueOn", "2025-01-15"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-records"), db, transactions);
        new FeedFixtures("complaint-service")
                .event(UUID.randomUUID(), "ComplaintSubstantiated", "complaint", "c-a", Map.of("complaintId",
                        UUID.randomUUID(), "enterpriseCode", ENT_A, "category", "AIR", "district", "兴隆台区",
                        "findings", "厂界异味", "at", "2025-07-01T01:00:00Z"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-complaint-records"), db, transactions);
        UUID caseB = UUID.randomUUID();
        UUID caseD = UUID.randomUUID();
        FeedFixtures enforcement = new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PenaltyDecided", "case", caseB.toString(), Map.of("caseId", caseB,
                        "enterpriseCode", ENT_B, "outcome", "PENALTY", "amount", 300000, "violation", "HIDDEN_PIPE",
                        "legalBasis", "水污染防治法 第八十三条", "veto", true, "decidedOn", "2025-09-10"))
                .event(UUID.randomUUID(), "PenaltyDecided", "case", caseD.toString(), Map.of("caseId", caseD,
                        "enterpriseCode", ENT_D, "outcome", "PENALTY", "amount", 80000, "violation", "V",
                        "legalBasis", "水污染防治法", "veto", false, "decidedOn", "2025-10-10"));
        enforcement.applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db, transactions);

        // CRD-EVAL-PRELIMINARY: evaluated on Wed 28 Jan 2026, objections until 12 Feb.
        clock.setDay("2026-01-28");
        web.post().uri("/api/credit/evaluations").header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("period", 2026)).exchange().expectStatus().isEqualTo(422);
        JsonNode evaluation = post("/api/credit/evaluations", OFFICER, Map.of("period", 2025), 201);
        assertThat(evaluation.get("status").asString()).isEqualTo("PRELIMINARY");
        assertThat(evaluation.get("schemeVersion").asString()).isEqualTo("LN-2022-1");
        assertThat(evaluation.get("objectionEnds").asString()).isEqualTo("2026-02-12");
        post("/api/credit/evaluations", OFFICER, Map.of("period", 2025), 409);

        JsonNode results = get("/api/credit/evaluations/2025/results", OFFICER);
        assertThat(results.get("items").findValuesAsString("subjectCode")).containsExactly(ENT_A, ENT_B, ENT_D);
        JsonNode mine = get("/api/credit/my/results/2025", AS_A).get(0);
        assertThat(mine.get("score").asInt()).isEqualTo(100 - 10 - 3);
        assertThat(mine.get("grade").asString()).isEqualTo("一般守信");
        JsonNode exceedance = mine.get("explanation").get("groups").get(0).get("indicators").get(0);
        assertThat(exceedance.get("records").get(0).get("eventId").asString()).isEqualTo(exceedanceEvent.toString());
        assertThat(exceedance.get("records").get(0).get("rule").asString()).isEqualTo("LN-EXCEEDANCE");
        assertThat(get("/api/credit/my/results/2025", AS_B).get(0).get("grade").asString()).isEqualTo("严重失信");

        // CRD-OBJECTION-OWN: ent-a disputes its complaint record; ent-b neither sees that objection nor disputes
        // ent-a's records.
        UUID complaintRecord = UUID.fromString(mine.get("explanation").get("groups").get(2).get("indicators").get(0)
                .get("records").get(0).get("recordId").asString());
        JsonNode objection = post("/api/credit/my/results/2025/objections", AS_A, Map.of("reasons",
                "投诉所涉异味来自相邻企业", "evidence", List.of("监测报告 2025-07-02"),
                "disputedRecords", List.of(complaintRecord)), 201);
        web.get().uri("/api/credit/my/objections/" + objection.get("id").asString())
                .header(HttpHeaders.AUTHORIZATION, AS_B).exchange().expectStatus().isNotFound();
        post("/api/credit/my/results/2025/objections", AS_B, Map.of("reasons", "x",
                "disputedRecords", List.of(complaintRecord)), 422);
        post("/api/credit/evaluations/2025/approval", OFFICER, Map.of(), 409);

        // CRD-OBJECTION-ANSWER: upheld, the record is corrected and the result has a second version.
        JsonNode answered = post("/api/credit/objections/" + objection.get("id").asString() + "/answer", OFFICER,
                Map.of("upheld", true, "answer", "经核实异味来源为相邻企业"), 200);
        assertThat(answered.get("status").asString()).isEqualTo("UPHELD");
        assertThat(answered.get("newVersion").asInt()).isEqualTo(2);
        post("/api/credit/objections/" + objection.get("id").asString() + "/answer", OFFICER,
                Map.of("upheld", false, "answer", "again"), 409);
        JsonNode versions = get("/api/credit/evaluations/2025/results/" + ENT_A, OFFICER);
        assertThat(versions.findValues("version")).extracting(JsonNode::asInt).containsExactly(2, 1);
        assertThat(versions.get(0).get("score").asInt()).isEqualTo(90);
        assertThat(versions.get(0).get("grade").asString()).isEqualTo("守信");
        assertThat(versions.get(1).get("score").asInt()).isEqualTo(87);

        // CRD-EVAL-OBJECTION-WINDOW: the window closed on 12 Feb.
        clock.setDay("2026-02-13");
        post("/api/credit/my/results/2025/objections", AS_B, Map.of("reasons", "太晚了"), 409);

        // CRD-EVAL-RECORDS-CHANGED: D's decision is withdrawn while the result is preliminary; approval gives D a
        // new version without it.
        assertThat(get("/api/credit/my/results/2025", "Bearer " + TestTokens.enterprise("ent-d", ENT_D)).get(0)
                .get("score").asInt()).isEqualTo(100 - 3 - 10);
        enforcement.event(UUID.randomUUID(), "DecisionWithdrawn", "case", caseD.toString(), Map.of("caseId", caseD,
                        "enterpriseCode", ENT_D, "reason", "行政复议撤销", "withdrawnOn", "2026-02-05"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db, transactions);

        // CRD-EVAL-FINAL-PUBLICATION: approved Fri 13 Feb, due five working days later across the Spring Festival.
        JsonNode approved = post("/api/credit/evaluations/2025/approval", OFFICER, Map.of(), 200);
        JsonNode ofD = get("/api/credit/evaluations/2025/results/" + ENT_D, OFFICER);
        assertThat(ofD.get(0).get("reason").asString()).isEqualTo("RECORDS_CHANGED");
        assertThat(ofD.get(0).get("score").asInt()).isEqualTo(97);
        assertThat(ofD.get(1).get("score").asInt()).isEqualTo(87);
        assertThat(get("/api/credit/evaluations/2025/results/" + ENT_A, OFFICER).get(0).get("version").asInt())
                .isEqualTo(2);
        assertThat(approved.get("finalDue").asString()).isEqualTo("2026-02-27");
        web.get().uri("/api/public/credit/" + ENT_A).exchange().expectStatus().isNotFound();
        clock.setDay("2026-02-26");
        runClock();
        assertThat(get("/api/credit/evaluations/2025", OFFICER).get("status").asString()).isEqualTo("APPROVED");
        clock.setDay("2026-02-27");
        runClock();
        JsonNode published = get("/api/credit/evaluations/2025", OFFICER);
        assertThat(published.get("status").asString()).isEqualTo("FINAL");
        assertThat(published.get("publishedOn").asString()).isEqualTo("2026-02-27");

        // CRD-GRADE-PUBLISHED: one event per subject on the service's feed, for service accounts only.
        JsonNode feed = get("/internal/events?after=0&limit=100", SERVICE);
        JsonNode gradeOfA = null;
        int grades = 0;
        for (JsonNode event : feed.get("events")) {
            if (event.get("type").asString().equals("CreditGradePublished")) {
                grades++;
                if (event.get("payload").get("creditCode").asString().equals(ENT_A)) {
                    gradeOfA = event.get("payload");
                }
            }
        }
        assertThat(grades).isEqualTo(3);
        assertThat(gradeOfA).isNotNull();
        assertThat(gradeOfA.get("grade").asString()).isEqualTo("守信");
        assertThat(gradeOfA.get("period").asString()).isEqualTo("2025");
        assertThat(gradeOfA.get("version").asInt()).isEqualTo(2);
        assertThat(gradeOfA.get("enterpriseId").asString()).isEqualTo(
                EvaluationEvent.CreditGradePublished.enterpriseId(ENT_A).toString());
        web.get().uri("/internal/events").header(HttpHeaders.AUTHORIZATION, OFFICER).exchange()
                .expectStatus().isForbidden();

        // CRD-PUBLIC-LOOKUP: the final grade by credit code, without login; nothing for a unit never graded.
        JsonNode lookup = JSON.readTree(web.get().uri("/api/public/credit/" + ENT_A).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(lookup.get("grade").get("grade").asString()).isEqualTo("守信");
        assertThat(lookup.get("grade").get("version").asInt()).isEqualTo(2);
        assertThat(lookup.get("listed").asBoolean()).isFalse();
        assertThat(lookup.toString()).doesNotContain("explanation");
        web.get().uri("/api/public/credit/" + ENT_C).exchange().expectStatus().isNotFound();

        // CRD-RESULT-FROZEN: a decision withdrawn after publication takes its record back but not the published grade.
        enforcement.event(UUID.randomUUID(), "PenaltyDecided", "case", "other", Map.of("caseId", UUID.randomUUID(),
                        "enterpriseCode", ENT_B, "outcome", "NO_PENALTY", "decidedOn", "2025-09-10"))
                .event(UUID.randomUUID(), "DecisionWithdrawn", "case", caseB.toString(), Map.of("caseId", caseB,
                        "enterpriseCode", ENT_B, "reason", "法院判决撤销", "withdrawnOn", "2026-02-27"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db, transactions);
        assertThat(JSON.readTree(web.get().uri("/api/public/credit/" + ENT_B).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("grade").get("grade").asString()).isEqualTo("严重失信");
        assertThat(db.sql("SELECT status FROM credit_record WHERE subject_code = :code").bind("code", ENT_B)
                .map(row -> row.get("status", String.class)).one().block()).isEqualTo("WITHDRAWN");
    }

    @Test
    void crdResultFrozenTheDatabaseRefusesToChangeAStoredResult() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY", 1)
                .applyTo(FeedFixtures.named(subscriptions, "credit-subjects"), db, transactions);
        clock.setDay("2026-03-02");
        post("/api/credit/evaluations", OFFICER, Map.of("period", 2024), 201);
        assertThatThrownBy(() -> db.sql("UPDATE credit_result SET grade = '守信'")
                .then().block()).hasMessageContaining("append-only");
        web.get().uri("/api/credit/evaluations/2024").header(HttpHeaders.AUTHORIZATION, AS_A).exchange()
                .expectStatus().isForbidden();
    }

    private void runClock() {
        clockTasks.stream().filter(task -> task.name().equals("credit-final-publication")).findFirst().orElseThrow()
                .run().block();
    }

    private JsonNode get(String path, String token) {
        return JSON.readTree(web.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private JsonNode post(String path, String token, Object body, int status) {
        byte[] response = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return response == null ? JSON.createObjectNode() : JSON.readTree(response);
    }
}
