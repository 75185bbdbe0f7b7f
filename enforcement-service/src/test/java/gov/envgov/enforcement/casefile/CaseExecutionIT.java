package gov.envgov.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Through the service on a set clock: 吊销 on the feed for permit-service, the simple procedure, the decision clock's
 * pauses, forced execution and the transfer to the police — each an act in the case's record, each refusal a problem.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class CaseExecutionIT {

    static final String UNIT = "91211103MA0GA0001Y";
    static final String INSPECTOR1 = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String INSPECTOR3 = "Bearer " + TestTokens.staff("inspector3", "大洼区", "inspector");
    static final String ENT_A = "Bearer " + TestTokens.enterprise("ent-a", UNIT);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_case_execution").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;

    @Test
    void enfCaseRevocationADecisionWithdrawingThePermitIsPublishedForPermitService() {
        clock.setDay("2026-03-02");
        String id = noticed(Map.of("proposedFine", 80000, "kinds", List.of("PERMIT_REVOCATION")));
        clock.setDay("2026-03-10");
        JsonNode refused = expect(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 80000,
                "reason", "r", "kinds", List.of("CLOSURE")), INSPECTOR1, HttpStatus.UNPROCESSABLE_CONTENT,
                "exceeds-notice");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("kinds");
        JsonNode decided = post(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 80000,
                "reason", "通过暗管排放，情节严重", "kinds", List.of("PERMIT_REVOCATION")), INSPECTOR1, HttpStatus.OK);
        String number = decided.get("procedure").get("decisionNumber").asString();
        assertThat(number).matches("盘环罚〔2026〕\\d+号");

        JsonNode payload = JSON.readTree(strings("SELECT payload::text FROM event_outbox WHERE event_type ="
                + " 'PermitRevocationDecided' AND aggregate_id = '" + id + "'").get(0));
        assertThat(payload.propertyNames()).containsExactlyInAnyOrder("caseId", "enterpriseCode", "decisionNumber",
                "decidedOn", "legalBasis");
        assertThat(payload.get("caseId").asString()).isEqualTo(id);
        assertThat(payload.get("enterpriseCode").asString()).isEqualTo(UNIT);
        assertThat(payload.get("decisionNumber").asString()).isEqualTo(number);
        assertThat(payload.get("decidedOn").asString()).isEqualTo("2026-03-10");
        assertThat(payload.get("legalBasis").asString()).isEqualTo("水污染防治法 第八十三条第三项");
        assertThat(strings("SELECT payload->>'kinds' FROM event_outbox WHERE event_type = 'PenaltyDecided'"
                + " AND aggregate_id = '" + id + "'").get(0)).contains("FINE", "PERMIT_REVOCATION");

        // A fine-only decision causes no revocation, and the numbers count on without gaps (the refusal took none).
        String other = noticed(Map.of("proposedFine", 10000));
        JsonNode second = post(path(other, "decision"), Map.of("outcome", "PENALTY", "fine", 10000, "reason", "r"),
                INSPECTOR1, HttpStatus.OK);
        int first = Integer.parseInt(number.replaceAll("\\D*〔2026〕(\\d+)号", "$1"));
        assertThat(second.get("procedure").get("decisionNumber").asString()).isEqualTo("盘环罚〔2026〕" + (first + 1)
                + "号");
        assertThat(strings("SELECT event_type FROM event_outbox WHERE aggregate_id = '" + other + "'"))
                .doesNotContain("PermitRevocationDecided");
    }

    @Test
    void enfCaseSimpleProcedureOnTheSpotWithTheInspectorPair() {
        clock.setDay("2026-03-02");
        JsonNode decided = post("/api/enforcement/cases/simple", simple(3000), INSPECTOR1, HttpStatus.CREATED);
        String id = decided.get("id").asString();
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("procedure").get("simpleProcedure").asBoolean()).isTrue();
        assertThat(decided.get("nextDue").asString()).isEqualTo("2026-03-02");
        JsonNode over = expect("/api/enforcement/cases/simple", simple(3000.01), INSPECTOR1,
                HttpStatus.UNPROCESSABLE_CONTENT, "simple-procedure-limit");
        assertThat(over.get("errors").get(0).get("field").asString()).isEqualTo("fine");
        expect("/api/enforcement/cases/simple", simple(100), INSPECTOR3, HttpStatus.FORBIDDEN, "forbidden");
        web.post().uri("/api/enforcement/cases/simple").header(HttpHeaders.AUTHORIZATION, ENT_A)
                .bodyValue(simple(100)).exchange().expectStatus().isForbidden();

        assertThat(post(path(id, "service"), null, INSPECTOR1, HttpStatus.OK).get("procedure").get("paymentDue")
                .asString()).isEqualTo("2026-03-17");
        assertThat(strings("SELECT event_type FROM event_outbox WHERE aggregate_id = '" + id + "' ORDER BY"
                + " position NULLS LAST, occurred_at")).containsExactly("CaseFiled", "PenaltyDecided",
                "DecisionServed");
        assertThat(JSON.readTree(web.get().uri("/api/public/penalties/" + id).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("fine").asInt()).isEqualTo(3000);
        assertThat(actions(id)).containsExactly("decide-on-the-spot", "serve");
    }

    @Test
    void enfCaseDecisionPauseStartAndEndAreActsOfTheCase() {
        clock.setDay("2026-09-30");
        String id = post("/api/enforcement/clues/" + clue() + "/case", fileCase(), INSPECTOR1, HttpStatus.CREATED)
                .get("id").asString();
        JsonNode paused = post(path(id, "decision-clock/pause"), Map.of("reason", "TESTING"), INSPECTOR1,
                HttpStatus.OK);
        assertThat(paused.get("nextDue").asString()).isEqualTo("2026-12-29");
        expect(path(id, "decision-clock/pause"), Map.of("reason", "HEARING"), INSPECTOR1, HttpStatus.CONFLICT,
                "decision-clock-paused");
        clock.setDay("2026-10-10");
        JsonNode resumed = post(path(id, "decision-clock/resumption"), null, INSPECTOR1, HttpStatus.OK);
        assertThat(resumed.get("nextDue").asString()).isEqualTo("2027-01-08");
        assertThat(resumed.get("procedure").get("pauses").get(0).get("endedOn").asString()).isEqualTo("2026-10-10");
        expect(path(id, "decision-clock/resumption"), null, INSPECTOR1, HttpStatus.CONFLICT,
                "decision-clock-running");
        JsonNode extended = post(path(id, "decision-clock/extension"), Map.of("approval", "局长批准延期30日"),
                INSPECTOR1, HttpStatus.OK);
        assertThat(extended.get("nextDue").asString()).isEqualTo("2027-02-07");
        assertThat(actions(id)).containsExactly("file", "pause-decision-clock", "resume-decision-clock",
                "extend-decision-period");
        assertThat(strings("SELECT event_type FROM event_outbox WHERE aggregate_id = '" + id + "'"))
                .contains("DecisionClockPaused", "DecisionClockResumed", "DecisionPeriodExtended");
    }

    @Test
    void enfCaseForcedExecutionDemandCourtAndEnfCasePoliceTransferAreRecordedSteps() {
        clock.setDay("2026-03-02");
        String id = executingSimpleCase();
        JsonNode early = expect(path(id, "execution/demand"), Map.of("periodDays", 10), INSPECTOR1,
                HttpStatus.UNPROCESSABLE_CONTENT, "demand-too-early");
        assertThat(early.get("errors").get(0).get("field").asString()).isEqualTo("demandedOn");
        clock.setDay("2026-09-03");
        expect(path(id, "execution/demand"), Map.of("periodDays", 5), INSPECTOR1,
                HttpStatus.UNPROCESSABLE_CONTENT, "demand-period-too-short");
        expect(path(id, "execution/court-application"), null, INSPECTOR1, HttpStatus.CONFLICT, "demand-pending");
        JsonNode demanded = post(path(id, "execution/demand"), Map.of("periodDays", 10), INSPECTOR1, HttpStatus.OK);
        assertThat(demanded.get("nextDue").asString()).isEqualTo("2026-09-13");
        clock.setDay("2026-09-13");
        expect(path(id, "execution/court-application"), null, INSPECTOR1, HttpStatus.CONFLICT, "demand-pending");
        clock.setDay("2026-09-14");
        JsonNode applied = post(path(id, "execution/court-application"), null, INSPECTOR1, HttpStatus.OK);
        assertThat(applied.get("procedure").get("courtAppliedOn").asString()).isEqualTo("2026-09-14");

        JsonNode transferred = post(path(id, "police-transfer"), Map.of("reason", "拒不执行，移送公安机关行政拘留"),
                INSPECTOR1, HttpStatus.OK);
        assertThat(transferred.get("procedure").get("policeTransferredOn").asString()).isEqualTo("2026-09-14");
        expect(path(id, "police-transfer"), Map.of("reason", "again"), INSPECTOR1, HttpStatus.CONFLICT,
                "transferred-already");
        JsonNode asParty = JSON.readTree(web.get().uri("/api/enforcement/cases/" + id)
                .header(HttpHeaders.AUTHORIZATION, ENT_A).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
        assertThat(asParty.get("procedure").has("policeTransferReason")).isFalse();
        assertThat(actions(id)).containsExactly("decide-on-the-spot", "serve", "execute", "demand-payment",
                "apply-to-court", "transfer-to-police");
        assertThat(strings("SELECT event_type FROM event_outbox WHERE aggregate_id = '" + id + "'"))
                .contains("PaymentDemanded", "CourtEnforcementApplied", "CaseTransferredToPolice");

        clock.setDay("2026-03-02");
        String contested = executingSimpleCase();
        post(path(contested, "challenge"), Map.of("kind", "LAWSUIT"), INSPECTOR1, HttpStatus.OK);
        clock.setDay("2026-09-03");
        expect(path(contested, "execution/demand"), Map.of("periodDays", 10), INSPECTOR1, HttpStatus.CONFLICT,
                "decision-contested");
    }

    private String executingSimpleCase() {
        String id = post("/api/enforcement/cases/simple", simple(2000), INSPECTOR1, HttpStatus.CREATED).get("id")
                .asString();
        post(path(id, "service"), null, INSPECTOR1, HttpStatus.OK);
        post(path(id, "execution"), null, INSPECTOR1, HttpStatus.OK);
        return id;
    }

    /** A case filed from a clue, through review, with the notice served by a non-investigator. */
    private String noticed(Map<String, Object> notice) {
        String id = post("/api/enforcement/clues/" + clue() + "/case", fileCase(), INSPECTOR1, HttpStatus.CREATED)
                .get("id").asString();
        post(path(id, "investigation"), null, INSPECTOR1, HttpStatus.OK);
        post(path(id, "review"), null, INSPECTOR1, HttpStatus.OK);
        post(path(id, "notice"), notice, INSPECTOR3, HttpStatus.OK);
        return id;
    }

    private Map<String, Object> simple(double fine) {
        Map<String, Object> body = new HashMap<>(Map.of("enterpriseCode", UNIT, "party", "ORGANISATION",
                "violation", "OUTLET_SIGN_MISSING", "legalBasis", "排污许可管理条例 第三十六条",
                "violationEndedOn", "2026-02-27", "inspectors", List.of("inspector1", "inspector2"),
                "reason", "未按规定设置排污口标志"));
        body.put("fine", fine);
        return body;
    }

    private Map<String, Object> fileCase() {
        return Map.of("party", "ORGANISATION", "violation", "HIDDEN_PIPE", "legalBasis", "水污染防治法 第八十三条第三项",
                "violationEndedOn", "2026-02-27", "investigators", List.of("inspector1", "inspector2"));
    }

    private String clue() {
        return post("/api/enforcement/clues", Map.of("enterpriseCode", UNIT, "summary", "雨水排口排放黑色污水"),
                INSPECTOR1, HttpStatus.CREATED).get("id").asString();
    }

    private static String path(String id, String action) {
        return "/api/enforcement/cases/" + id + "/" + action;
    }

    private JsonNode post(String path, Object body, String token, HttpStatus status) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token);
        var exchange = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return JSON.readTree(exchange.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private JsonNode expect(String path, Object body, String token, HttpStatus status, String type) {
        JsonNode problem = post(path, body, token, status);
        assertThat(problem.get("type").asString()).isEqualTo("urn:envgov:problem:" + type);
        return problem;
    }

    private List<String> actions(String id) {
        return strings("SELECT action FROM audit_log WHERE object_type = 'case' AND object_id = '" + id
                + "' ORDER BY id");
    }

    private List<String> strings(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
