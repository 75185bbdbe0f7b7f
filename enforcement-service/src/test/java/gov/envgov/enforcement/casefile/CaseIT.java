package gov.envgov.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.audit.AuditAnchors;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cases through the whole procedure over HTTP, with the people, the amounts and the ownership the law requires. */
@ServiceTest
class CaseIT {

    static final String UNIT = "91211103MA0GA0001Y";
    static final String INSPECTOR1 = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String INSPECTOR3 = "Bearer " + TestTokens.staff("inspector3", "大洼区", "inspector");
    static final String LEGAL = "Bearer " + TestTokens.staff("legal1", "兴隆台区", "legal_reviewer");
    static final String ADMIN = "Bearer " + TestTokens.of("admin1", "admin");
    static final String ENT_A = "Bearer " + TestTokens.enterprise("ent-a", UNIT);
    static final String ENT_B = "Bearer " + TestTokens.enterprise("ent-b", "91211104MA0GB00028");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_case").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    AuditAnchors anchors;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aPenaltyCaseFromClueToArchiveWithEveryActRecorded() {
        String clue = clue("雨水排口排放黑色污水");
        JsonNode filed = post("/api/enforcement/clues/" + clue + "/case", fileCase(false), INSPECTOR1,
                HttpStatus.CREATED);
        String id = filed.get("id").asString();
        assertThat(filed.get("status").asString()).isEqualTo("FILED");
        assertThat(filed.get("nextDue").asString()).isEqualTo(today.plusDays(90).toString());
        expect("/api/enforcement/clues/" + clue + "/case", fileCase(false), INSPECTOR1, HttpStatus.CONFLICT,
                "clue-decided");

        post(path(id, "investigation"), null, INSPECTOR1, HttpStatus.OK);
        post(path(id, "review"), null, INSPECTOR1, HttpStatus.OK);
        web.post().uri(path(id, "notice")).header(HttpHeaders.AUTHORIZATION, INSPECTOR1)
                .bodyValue(Map.of("proposedFine", 50000)).exchange().expectStatus().isForbidden();
        JsonNode noticed = post(path(id, "notice"), Map.of("proposedFine", 50000), INSPECTOR3, HttpStatus.OK);
        assertThat(noticed.get("procedure").get("hearingRight").asBoolean()).isFalse();
        expect(path(id, "hearing-request"), null, ENT_A, HttpStatus.UNPROCESSABLE_CONTENT, "no-hearing-right");
        web.post().uri(path(id, "hearing-request")).header(HttpHeaders.AUTHORIZATION, ENT_B).exchange()
                .expectStatus().isNotFound();
        JsonNode over = expect(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 60000, "reason", "从重"),
                INSPECTOR1, HttpStatus.UNPROCESSABLE_CONTENT, "exceeds-notice");
        assertThat(over.get("errors").get(0).get("field").asString()).isEqualTo("fine");
        Map<String, Object> discretion = Map.of("options", Map.of("EXCEEDANCE", "BELOW_0_5", "AREA", "GENERAL",
                "ATTITUDE", "CORRECTED"), "mitigation", true);
        // ENF-DISCRETION-DEVIATION: the table gives 50,000 with the mitigation ground; 40,000 needs its reason.
        JsonNode unexplained = expect(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 40000,
                "reason", "主动改正，从轻处罚", "discretion", discretion), INSPECTOR1, HttpStatus.UNPROCESSABLE_CONTENT,
                "deviation-reason-required");
        assertThat(unexplained.get("errors").get(0).get("field").asString()).isEqualTo("deviationReason");
        Map<String, Object> explained = new java.util.HashMap<>(discretion);
        explained.put("deviationReason", "当事人已全额赔偿周边养殖户损失");
        JsonNode decided = post(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 40000,
                "reason", "主动改正，从轻处罚", "discretion", explained), INSPECTOR1, HttpStatus.OK);
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("procedure").get("computedFine").asInt()).isEqualTo(50000);
        assertThat(decided.get("procedure").get("decidedFine").asInt()).isEqualTo(40000);
        assertThat(decided.get("procedure").get("discretionVersion").asString()).isEqualTo("LN-2026-1");
        JsonNode served = post(path(id, "service"), null, INSPECTOR1, HttpStatus.OK);
        assertThat(served.get("procedure").get("paymentDue").asString()).isEqualTo(today.plusDays(15).toString());
        post(path(id, "execution"), null, INSPECTOR1, HttpStatus.OK);
        assertThat(post(path(id, "payments"), Map.of("amount", 40000), INSPECTOR1, HttpStatus.OK).get("status")
                .asString()).isEqualTo("CLOSED");
        assertThat(post(path(id, "archive"), null, INSPECTOR1, HttpStatus.OK).get("status").asString())
                .isEqualTo("ARCHIVED");

        JsonNode asParty = get("/api/enforcement/cases/" + id, ENT_A, HttpStatus.OK);
        assertThat(asParty.get("procedure").get("investigators")).isEmpty();
        assertThat(asParty.get("procedure").has("reviewer")).isFalse();
        assertThat(asParty.get("procedure").get("decidedFine").asInt()).isEqualTo(40000);
        web.get().uri("/api/enforcement/cases/" + id).header(HttpHeaders.AUTHORIZATION, ENT_B).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/enforcement/cases/" + id).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.of("citizen1", "citizen")).exchange().expectStatus().isForbidden();
        assertThat(get("/api/enforcement/cases/" + id, INSPECTOR1, HttpStatus.OK).get("procedure")
                .get("investigators")).hasSize(2);

        // ENF-RECORD-VERIFY: the record re-checks, then anchored; deleting its newest act shows.
        JsonNode record = get("/api/enforcement/cases/" + id + "/record/verification", LEGAL, HttpStatus.OK);
        assertThat(record.get("intact").asBoolean()).isTrue();
        assertThat(record.get("acts")).hasSize(9);
        anchors.run().block();
        assertThat(get("/api/enforcement/cases/" + id + "/record/verification", LEGAL, HttpStatus.OK)
                .get("verification").get("anchored").asBoolean()).isTrue();
        web.get().uri("/api/enforcement/cases/" + id + "/record/verification").header(HttpHeaders.AUTHORIZATION,
                ENT_A).exchange().expectStatus().isForbidden();

        assertThat(strings("SELECT action FROM audit_log WHERE object_type = 'case' AND object_id = '" + id
                + "' ORDER BY id")).containsExactly("file", "investigate", "request-review", "serve-notice", "decide",
                "serve", "execute", "record-payment", "archive");
        db.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").then()
                .then(db.sql("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log WHERE object_id = :id)")
                        .bind("id", id).then())
                .then(db.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").then()).block();
        JsonNode tampered = get("/api/enforcement/cases/" + id + "/record/verification", LEGAL, HttpStatus.OK);
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("verification").get("anchoredHeadPresent").asBoolean()).isFalse();
        assertThat(strings("SELECT event_type FROM event_outbox WHERE aggregate_id = '" + id + "' ORDER BY position"
                + " NULLS LAST, occurred_at")).containsExactlyInAnyOrder("CaseFiled", "NoticeServed", "PenaltyDecided",
                "DecisionServed", "PenaltyPaid");
    }

    @Test
    void aMajorCaseIsHeardLegallyReviewedAndDecidedCollectively() {
        String id = post("/api/enforcement/clues/" + clue("疑似暗管偷排") + "/case", fileCase(true), INSPECTOR1,
                HttpStatus.CREATED).get("id").asString();
        post(path(id, "investigation"), null, INSPECTOR1, HttpStatus.OK);
        post(path(id, "review"), null, INSPECTOR1, HttpStatus.OK);
        JsonNode noticed = post(path(id, "notice"), Map.of("proposedFine", 300000), INSPECTOR3, HttpStatus.OK);
        assertThat(noticed.get("procedure").get("hearingRight").asBoolean()).isTrue();
        expect(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 300000, "reason", "r"), INSPECTOR1,
                HttpStatus.CONFLICT, "hearing-window-open");
        post(path(id, "hearing-request"), null, ENT_A, HttpStatus.OK);
        expect(path(id, "hearing"), Map.of("chair", "inspector2", "hearingOn", today.plusDays(30).toString()),
                INSPECTOR1, HttpStatus.FORBIDDEN, "forbidden");
        post(path(id, "hearing"), Map.of("chair", "inspector3", "hearingOn", today.plusDays(30).toString()),
                INSPECTOR1, HttpStatus.OK);
        // API-CONFLICTS-NAME-THE-BLOCKER: the 409 names the case in its state and the step that comes first.
        JsonNode unreviewed = expect(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 300000, "reason",
                "r"), INSPECTOR1, HttpStatus.CONFLICT, "legal-review-required");
        assertThat(unreviewed.get("requiredStep").asString()).isEqualTo("legal-review");
        assertThat(unreviewed.get("blockedBy").get("id").asString()).isEqualTo(id);
        assertThat(unreviewed.get("blockedBy").get("status").asString()).isEqualTo("HEARING");
        assertThat(unreviewed.get("detail").asString()).startsWith("case " + id + " is in state HEARING; a decision"
                + " needs legal review first");
        post(path(id, "legal-review"), null, INSPECTOR1, HttpStatus.OK);
        web.post().uri(path(id, "legal-review/approval")).header(HttpHeaders.AUTHORIZATION, INSPECTOR3).exchange()
                .expectStatus().isForbidden();
        assertThat(post(path(id, "legal-review/approval"), null, LEGAL, HttpStatus.OK).get("status").asString())
                .isEqualTo("COLLECTIVE_DECISION");
        expect(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 300000, "reason", "r"), INSPECTOR1,
                HttpStatus.CONFLICT, "collective-decision-required");
        post(path(id, "collective-decision"), Map.of("minutes", "2026年第12次案审会"), ADMIN, HttpStatus.OK);
        JsonNode decided = post(path(id, "decision"), Map.of("outcome", "PENALTY", "fine", 300000,
                "reason", "暗管偷排，情节严重；现场负责人电话13812345678，身份证号210203199001011234"), INSPECTOR1,
                HttpStatus.OK);
        assertThat(decided.get("procedure").get("legalReviewer").asString()).isEqualTo("legal1");

        // ENF-PUBLISH-DECISION and ENF-PUBLISH-REDACTION: public at once, without personal data, no login needed.
        JsonNode published = JSON.readTree(web.get().uri("/api/public/penalties/" + id).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(published.get("summary").asString())
                .isEqualTo("暗管偷排，情节严重；现场负责人电话138****5678，身份证号[身份证号已隐去]");
        assertThat(published.get("fine").asInt()).isEqualTo(300000);
        assertThat(published.get("party").asString()).isEqualTo(UNIT);
        assertThat(published.get("publishDue").asString()).isNotBlank();
        assertThat(published.has("withdrawnOn")).isFalse();

        // ENF-PUBLISH-WITHDRAWAL: annulled on review, withdrawn, and the withdrawal is public.
        post(path(id, "decision/withdrawal"), Map.of("reason", "行政复议决定撤销"), INSPECTOR1, HttpStatus.OK);
        JsonNode withdrawn = JSON.readTree(web.get().uri("/api/public/penalties?enterprise=" + UNIT).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        JsonNode entry = null;
        for (JsonNode item : withdrawn.get("items")) {
            if (item.get("caseId").asString().equals(id)) {
                entry = item;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("withdrawnOn").asString()).isEqualTo(today.toString());
        assertThat(entry.get("withdrawalReason").asString()).isEqualTo("行政复议决定撤销");
        expect(path(id, "decision/withdrawal"), Map.of("reason", "again"), INSPECTOR1, HttpStatus.CONFLICT,
                "nothing-to-withdraw");
        assertThat(strings("SELECT payload->>'veto' FROM event_outbox WHERE event_type = 'PenaltyDecided'"
                + " AND aggregate_id = '" + id + "'")).containsExactly("true");
        assertThat(strings("SELECT payload->>'reason' FROM event_outbox WHERE event_type = 'DecisionWithdrawn'"
                + " AND aggregate_id = '" + id + "'")).containsExactly("行政复议决定撤销");
    }

    @Test
    void aClueNotFiledIsRecordedWithItsReasonAndLeavesTheQueue() {
        String clue = clue("群众反映异味，现场未发现问题");
        JsonNode notFiled = post("/api/enforcement/clues/" + clue + "/no-case", Map.of("reason", "现场核查未发现违法行为"),
                INSPECTOR1, HttpStatus.CREATED);
        assertThat(notFiled.get("status").asString()).isEqualTo("NOT_FILED");
        assertThat(get("/api/enforcement/clues/" + clue, INSPECTOR1, HttpStatus.OK).get("status").asString())
                .isEqualTo("NOT_FILED");
        expect("/api/enforcement/clues/" + clue + "/case", fileCase(false), INSPECTOR1, HttpStatus.CONFLICT,
                "clue-decided");
        Map<String, Object> tooOld = new java.util.HashMap<>(fileCase(false));
        tooOld.put("violationEndedOn", today.minusYears(3).toString());
        expect("/api/enforcement/clues/" + clue("三年前的旧事") + "/case", tooOld, INSPECTOR1,
                HttpStatus.UNPROCESSABLE_CONTENT, "limitation-expired");
        Map<String, Object> oneInvestigator = new java.util.HashMap<>(fileCase(false));
        oneInvestigator.put("investigators", List.of("inspector1"));
        JsonNode problem = JSON.readTree(web.post().uri("/api/enforcement/clues/" + clue("x") + "/case")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR1).bodyValue(oneInvestigator).exchange()
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("investigators");
    }

    @Test
    void theDiscretionTablesArePublicAndTheCalculatorExplainsEachStep() {
        JsonNode tables = JSON.readTree(web.get().uri("/api/public/discretion/tables").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(tables.get(0).get("version").asString()).isEqualTo("LN-2026-1");
        JsonNode computed = post("/api/enforcement/discretion/calculation", Map.of("violation", "HIDDEN_PIPE",
                "options", Map.of("HARM", "SERIOUS", "PRIOR", "NONE")), LEGAL, HttpStatus.OK);
        assertThat(computed.get("fine").asInt()).isEqualTo(700000);
        assertThat(computed.get("explanation")).hasSize(4);
        JsonNode badOption = expect("/api/enforcement/discretion/calculation", Map.of("violation", "HIDDEN_PIPE",
                "options", Map.of("HARM", "HUGE")), LEGAL, HttpStatus.UNPROCESSABLE_CONTENT, "factor-option");
        assertThat(badOption.get("errors").get(0).get("message").asString()).contains("MINOR", "SERIOUS");
        web.post().uri("/api/enforcement/discretion/calculation").header(HttpHeaders.AUTHORIZATION, ENT_A)
                .bodyValue(Map.of("violation", "HIDDEN_PIPE")).exchange().expectStatus().isForbidden();
    }

    private Map<String, Object> fileCase(boolean major) {
        return Map.of("party", "ORGANISATION", "violation", major ? "HIDDEN_PIPE" : "OVER_LIMIT_DISCHARGE",
                "legalBasis", major ? "水污染防治法 第八十三条" : "水污染防治法 第八十三条第二项", "veto", major,
                "violationEndedOn", today.minusDays(10).toString(), "harmToLife", false, "major", major,
                "investigators", List.of("inspector1", "inspector2"));
    }

    private String clue(String summary) {
        return post("/api/enforcement/clues", Map.of("enterpriseCode", UNIT, "summary", summary), INSPECTOR1,
                HttpStatus.CREATED).get("id").asString();
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

    private JsonNode get(String path, String token, HttpStatus status) {
        return JSON.readTree(web.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private List<String> strings(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
