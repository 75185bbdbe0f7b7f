package gov.envgov.credit.repair;

import static org.assertj.core.api.Assertions.assertThat;

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
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit repair after final publication (CRD-REPAIR-CONDITIONS, CRD-REPAIR-VERSION): refused while the penalty is
 * unpaid, approved once paid and rectified, a new version of the result published as its grade at once, the earlier
 * version and the history kept; one repair a year.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class RepairIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String OFFICER = "Bearer " + TestTokens.of("credit1", "credit_officer");
    static final String AS_A = "Bearer " + TestTokens.enterprise("ent-a", ENT_A);
    static final String AS_B = "Bearer " + TestTokens.enterprise("ent-b", "91211104MA0GB00028");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_repair").register(registry);
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

    @Test
    void aPaidAndRectifiedPenaltyIsRepairedIntoANewPublishedVersion() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY", 1)
                .applyTo(FeedFixtures.named(subscriptions, "credit-subjects"), db, transactions);
        UUID caseId = UUID.randomUUID();
        FeedFixtures enforcement = new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PenaltyDecided", "case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", ENT_A, "outcome", "PENALTY", "amount", 300000, "violation", "V",
                        "legalBasis", "大气污染防治法 第九十九条", "veto", false, "decidedOn", "2025-05-06"));
        enforcement.applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db, transactions);
        clock.setDay("2026-01-28");
        post("/api/credit/evaluations", OFFICER, Map.of("period", 2025), 201);
        clock.setDay("2026-02-13");
        post("/api/credit/evaluations/2025/approval", OFFICER, Map.of(), 200);
        post("/api/credit/evaluations/2025/publication", OFFICER, Map.of(), 200);
        JsonNode v1 = get("/api/credit/my/results/2025", AS_A).get(0);
        assertThat(v1.get("grade").asString()).isEqualTo("一般守信");
        String penaltyRecord = v1.get("explanation").get("groups").get(1).get("indicators").get(2).get("records")
                .get(0).get("recordId").asString();

        clock.setDay("2026-03-02");
        JsonNode application = post("/api/credit/my/repairs", AS_A, Map.of("period", 2025,
                "records", List.of(penaltyRecord), "statement", "已完成整改并通过验收", "evidence", List.of("验收意见")),
                201);
        String id = application.get("id").asString();
        web.get().uri("/api/credit/my/repairs/" + id).header(HttpHeaders.AUTHORIZATION, AS_B).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/credit/repairs/" + id + "/review").header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("approve", true, "rectificationVerified", true, "decision", "同意修复")).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("conditions")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString())
                        .contains("penalties-paid").doesNotContain("minimum-period"));

        enforcement.event(UUID.randomUUID(), "PenaltyPaid", "case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", ENT_A, "fine", 300000, "surcharge", 0, "paidOn", "2026-02-20"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db, transactions);
        JsonNode approved = post("/api/credit/repairs/" + id + "/review", OFFICER, Map.of("approve", true,
                "rectificationVerified", true, "decision", "整改到位，罚款已缴纳，同意修复"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("newVersion").asInt()).isEqualTo(2);

        JsonNode versions = get("/api/credit/evaluations/2025/results/" + ENT_A, OFFICER);
        assertThat(versions.get(0).get("reason").asString()).isEqualTo("REPAIR");
        assertThat(versions.get(0).get("grade").asString()).isEqualTo("守信");
        assertThat(versions.get(1).get("grade").asString()).isEqualTo("一般守信");
        JsonNode lookup = JSON.readTree(web.get().uri("/api/public/credit/" + ENT_A).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(lookup.get("grade").get("version").asInt()).isEqualTo(2);
        assertThat(db.sql("SELECT count(*) AS n FROM event_outbox WHERE event_type = 'CreditGradePublished'"
                        + " AND payload ->> 'creditCode' = :code AND (payload ->> 'version')::int = 2")
                .bind("code", ENT_A).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);

        // One approved repair a year: the next application is refused at review, and the history shows both.
        JsonNode second = post("/api/credit/my/repairs", AS_A, Map.of("period", 2025,
                "records", List.of(penaltyRecord), "statement", "再次申请"), 201);
        web.post().uri("/api/credit/repairs/" + second.get("id").asString() + "/review")
                .header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("approve", true, "rectificationVerified", true, "decision", "x")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).contains("repair-interval"));
        assertThat(get("/api/credit/repairs/history?subject=" + ENT_A, OFFICER).size()).isEqualTo(2);
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
