package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Dispatch, handling, reply, follow-up and due dates, with the clock on Thursday 12 Feb 2026 (before 春节). */
@ServiceTest
@Import(MutableClock.Config.class)
class ComplaintWorkflowIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String CITIZEN = TestTokens.of("citizen-w", "citizen");
    static final String OTHER_CITIZEN = TestTokens.of("citizen-x", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("workflow").register(registry);
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
    EventFeed feed;

    @BeforeEach
    void enterprises() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 1)
                .applyTo(subscriptions.get(0), db, transactions);
    }

    private JsonNode file(String type, String enterprise) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "category", "AIR",
                "description", "夜间烟囱冒黑烟", "district", "兴隆台区"));
        if (enterprise != null) {
            body.put("enterpriseCode", enterprise);
        }
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec step(String token, String id, String action, Object body) {
        return web.post().uri("/api/complaints/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body == null ? Map.of() : body).exchange();
    }

    @Test
    void dueDatesCountWorkingDaysAcrossTheSpringFestivalAndItsMakeUpDays() {
        // Thu 12 Feb: +1 Fri 13, +2 Sat 14 (make-up working day).
        assertThat(file("CONSULTATION", null).get("dueDate").asString()).isEqualTo("2026-02-14");
        // 15 working days: 13, 14, then 24–27, 28 (make-up), 2–6 Mar, 9–11 Mar.
        assertThat(file("COMPLAINT", null).get("dueDate").asString()).isEqualTo("2026-03-11");
    }

    @Test
    void aLettersClockRunsFromTheDayItArrived() {
        web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channel", "LETTER", "type", "HELP",
                        "category", "ECOLOGY", "description", "来信反映湿地被侵占", "district", "兴隆台区",
                        "receivedOn", "2026-01-26"))
                .exchange().expectStatus().isCreated().expectBody()
                // 10 working days from Mon 26 Jan: 27 Jan … 6 Feb, then 9 Feb.
                .jsonPath("$.dueDate").isEqualTo("2026-02-09").jsonPath("$.overdue").isEqualTo(true);
        web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "ECOLOGY",
                        "description", "湿地被侵占", "district", "兴隆台区", "receivedOn", "2026-01-26"))
                .exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void aSubstantiatedComplaintGoesThroughTheLineAndRaisesAClue() {
        String id = file("COMPLAINT", ENT_A).get("id").asString();

        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.handling.unit").isEqualTo("兴隆台区生态环境分局");
        web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + DW).exchange()
                .expectStatus().isNotFound();
        step(DW, id, "accept", null).expectStatus().isNotFound();

        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "start", null).expectStatus().isOk();
        step(XLT, id, "handling", Map.of("substantiated", true, "findings", "夜间未开启脱硫设施"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("HANDLED");
        step(XLT, id, "reply", Map.of("text", "已立案查处，责令整改")).expectStatus().isOk();

        web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.handling.reply").isEqualTo("已立案查处，责令整改");

        step(OPERATOR, id, "follow-up", Map.of("satisfaction", "UNSATISFIED", "solved", false, "reopen", true))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("HANDLING")
                .jsonPath("$.handling.reopenCount").isEqualTo(1);
        step(XLT, id, "handling", Map.of("substantiated", true, "findings", "复查已整改")).expectStatus().isOk();
        step(XLT, id, "reply", Map.of("text", "复查确认整改完成")).expectStatus().isOk();
        step(OPERATOR, id, "follow-up", Map.of("satisfaction", "SATISFIED", "solved", true)).expectStatus().isOk();
        step(OPERATOR, id, "close", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        assertThat(feed.read(0, 1000).block().events().stream()
                .filter(event -> event.aggregateId().equals(id)).map(event -> event.type()))
                .containsExactly("ComplaintRegistered", "ComplaintDispatched", "ComplaintAccepted",
                        "ComplaintHandled", "ComplaintSubstantiated", "ComplaintReplied", "ComplaintFollowedUp",
                        "ComplaintReopened",
                        "ComplaintHandled", "ComplaintSubstantiated", "ComplaintReplied", "ComplaintFollowedUp",
                        "ComplaintClosed");
    }

    @Test
    void anEnumInAnotherCaseIsAcceptedAndAnUnknownValueIsNamedWithTheAllowedOnes() {
        web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "air",
                        "description", "夜间烟囱冒黑烟", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.category").isEqualTo("AIR");
        web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "smoke",
                        "description", "夜间烟囱冒黑烟", "district", "兴隆台区"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("AIR").contains("WATER").contains("NOISE"));
        web.get().uri("/api/complaints/not-a-uuid").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void theComplainantAnswersTheFollowUpThemselvesAndNobodyElseCan() {
        String id = file("COMPLAINT", null).get("id").asString();
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk();
        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "start", null).expectStatus().isOk();
        step(XLT, id, "handling", Map.of("substantiated", false, "findings", "未发现异常")).expectStatus().isOk();
        step(CITIZEN, id, "satisfaction", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isEqualTo(409);
        step(XLT, id, "reply", Map.of("text", "经核查未发现异常")).expectStatus().isOk();

        step(OTHER_CITIZEN, id, "satisfaction", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isNotFound();
        step(OPERATOR, id, "satisfaction", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isForbidden();
        step(CITIZEN, id, "satisfaction", Map.of("satisfaction", "UNSATISFIED")).expectStatus().isBadRequest();
        // Unwelcome but lawful: not satisfied, yet solved; kept apart, and no reopening from the complainant.
        step(CITIZEN, id, "satisfaction", Map.of("satisfaction", "UNSATISFIED", "solved", true))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FOLLOWED_UP")
                .jsonPath("$.handling.satisfaction").isEqualTo("UNSATISFIED")
                .jsonPath("$.handling.solved").isEqualTo(true)
                .jsonPath("$.handling.reopenCount").isEqualTo(0);
    }

    @Test
    void aUnitReturnsAComplaintAndTheOperatorRoutesItElsewhere() {
        String id = file("HELP", null).get("id").asString();
        step(OPERATOR, id, "dispatch", Map.of("unit", "大洼区生态环境分局")).expectStatus().isOk();
        step(DW, id, "return", Map.of("reason", "")).expectStatus().isBadRequest();
        step(DW, id, "return", Map.of("reason", "属兴隆台区辖区")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RETURNED")
                .jsonPath("$.handling.returnReason").isEqualTo("属兴隆台区辖区");
        step(OPERATOR, id, "dispatch", Map.of("unit", "海淀区环保局")).expectStatus().isEqualTo(422);
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.handling.unit").isEqualTo("兴隆台区生态环境分局");
    }

    @Test
    void rolesAndOrderAreEnforced() {
        String id = file("COMPLAINT", null).get("id").asString();
        step(CITIZEN, id, "dispatch", Map.of()).expectStatus().isForbidden();
        step(XLT, id, "dispatch", Map.of()).expectStatus().isForbidden();
        step(OPERATOR, id, "close", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-transition");
    }

    @Test
    void queuesPutTheEarliestDueFirstAndHandlersSeeOnlyTheirUnit() {
        String later = file("COMPLAINT", null).get("id").asString();
        String sooner = file("CONSULTATION", null).get("id").asString();
        List<String> operatorQueue = web.get().uri("/api/complaints/queue?size=200")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("items").findValuesAsString("id");
        assertThat(operatorQueue.indexOf(sooner)).isLessThan(operatorQueue.indexOf(later));

        step(OPERATOR, later, "dispatch", Map.of()).expectStatus().isOk();
        JsonNode xltQueue = web.get().uri("/api/complaints/queue").header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(xltQueue.get("items").findValuesAsString("id")).contains(later).doesNotContain(sooner);
        web.get().uri("/api/complaints/queue").header(HttpHeaders.AUTHORIZATION, "Bearer " + DW).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + later + "')]").doesNotExist();
        web.get().uri("/api/complaints/queue").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange()
                .expectStatus().isForbidden();
    }
}
