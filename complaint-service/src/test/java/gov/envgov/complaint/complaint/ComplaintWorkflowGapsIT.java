package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.events.EventFeed;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The workflow gaps of issue 14 through the API against PostgreSQL: the complainant's own follow-up (signed in or
 * with the anonymous secret) given once, re-dispatch after a return, the district corrected, and which step comes
 * first.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false"})
@Import(MutableClock.Config.class)
class ComplaintWorkflowGapsIT {

    static final String CITIZEN = TestTokens.of("citizen-g", "citizen");
    static final String OTHER_CITIZEN = TestTokens.of("citizen-h", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");
    static final String PS = TestTokens.unit("handler-ps", "盘山县生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("workflow_gaps").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    EventFeed feed;

    private String file(String token) {
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "COMPLAINT", "category", "AIR",
                        "description", "夜间烟囱冒黑烟", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }

    private WebTestClient.ResponseSpec step(String token, String id, String action, Object body) {
        return web.post().uri("/api/complaints/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body == null ? Map.of() : body).exchange();
    }

    private void answer(String handler, String id) {
        step(handler, id, "accept", null).expectStatus().isOk();
        step(handler, id, "start", null).expectStatus().isOk();
        step(handler, id, "handling", Map.of("substantiated", false, "findings", "未发现异常")).expectStatus().isOk();
        step(handler, id, "reply", Map.of("text", "经核查未发现异常")).expectStatus().isOk();
    }

    private JsonNode history(String token, String id) {
        return web.get().uri("/api/complaints/" + id + "/history?size=200")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    @DisplayName("CMP-FOLLOW-UP-BY-COMPLAINANT: the signed-in filer answers once; the operator's call is refused after")
    void cmpFollowUpByComplainantSignedInIsGivenOnce() {
        String id = file(CITIZEN);
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk();
        answer(XLT, id);
        step(OTHER_CITIZEN, id, "satisfaction", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isNotFound();
        step(CITIZEN, id, "satisfaction", Map.of("satisfaction", "BASICALLY_SATISFIED", "solved", false))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FOLLOWED_UP")
                .jsonPath("$.handling.followUpBy").isEqualTo("COMPLAINANT");
        step(CITIZEN, id, "satisfaction", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:follow-up-given")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("by the complainant")
                        .contains("BASICALLY_SATISFIED"));
        step(OPERATOR, id, "follow-up", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:follow-up-given");
        // The filer's own step is theirs in the history, but staff other than admins do not see their account.
        assertThat(history(OPERATOR, id).get("items").findValuesAsString("actor")).contains("filer")
                .doesNotContain("citizen-g");
        assertThat(history(ADMIN, id).get("items").findValuesAsString("actor")).contains("citizen-g");
    }

    @Test
    @DisplayName("CMP-FOLLOW-UP-BY-COMPLAINANT: the anonymous filer answers with the tracking code and secret")
    void cmpFollowUpByComplainantAnonymousWithTheSecret() {
        JsonNode receipt = web.post().uri("/api/public/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "WATER", "description", "排污口夜间排放黑水", "district", "盘山县"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String code = receipt.get("trackingCode").asString();
        String secret = receipt.get("secret").asString();
        String followUp = "/api/public/complaints/" + code + "/follow-up";
        Map<String, Object> answer = Map.of("satisfaction", "SATISFIED", "solved", true);

        web.post().uri(followUp).header("X-Tracking-Secret", secret).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(answer).exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'dispatch' comes first"));
        String id = web.get().uri("/api/complaints?size=200").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("items").valueStream()
                .filter(item -> item.get("trackingCode").asString().equals(code)).findFirst().orElseThrow()
                .get("id").asString();
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk();
        answer(PS, id);

        web.post().uri(followUp).header("X-Tracking-Secret", "wrong").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(answer).exchange().expectStatus().isNotFound();
        web.post().uri(followUp).contentType(MediaType.APPLICATION_JSON).bodyValue(answer).exchange()
                .expectStatus().isNotFound();
        web.post().uri(followUp).header("X-Tracking-Secret", secret).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("satisfaction", "SATISFIED")).exchange().expectStatus().isBadRequest();
        web.post().uri(followUp).header("X-Tracking-Secret", secret).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(answer).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FOLLOWED_UP");
        web.post().uri(followUp).header("X-Tracking-Secret", secret).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(answer).exchange().expectStatus().isEqualTo(409);
        step(OPERATOR, id, "follow-up", Map.of("satisfaction", "UNSATISFIED", "solved", false, "reopen", true))
                .expectStatus().isEqualTo(409);
    }

    @Test
    @DisplayName("CMP-REDISPATCH-NOT-RETURNER: the unit that returned it is named, and the reason stays in the history")
    void cmpRedispatchNotReturnerNamesTheUnitAndKeepsTheReason() {
        String id = file(CITIZEN);
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.handling.unit").isEqualTo("兴隆台区生态环境分局");
        step(XLT, id, "return", Map.of("reason", "属大洼区辖区")).expectStatus().isOk();
        // The routing rules pick the unit that just returned it: said, not done.
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:returned-by-unit")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("兴隆台区生态环境分局")
                        .contains("属大洼区辖区"));
        step(OPERATOR, id, "dispatch", Map.of("unit", "大洼区生态环境分局")).expectStatus().isOk().expectBody()
                .jsonPath("$.handling.unit").isEqualTo("大洼区生态环境分局")
                .jsonPath("$.handling.returnReason").isEqualTo("属大洼区辖区")
                .jsonPath("$.handling.returnedBy").isEqualTo("兴隆台区生态环境分局");
        step(DW, id, "return", Map.of("reason", "经核实仍属兴隆台区")).expectStatus().isOk();
        step(OPERATOR, id, "dispatch", Map.of("unit", "兴隆台区生态环境分局", "override", true)).expectStatus().isOk();

        JsonNode items = history(OPERATOR, id).get("items");
        List<String> reasons = items.findValuesAsString("reason");
        assertThat(reasons).containsExactly("属大洼区辖区", "经核实仍属兴隆台区");
        assertThat(items.valueStream().filter(entry -> entry.get("action").asString().equals("dispatch"))
                .map(entry -> entry.get("details").path("override").asBoolean(false)))
                .containsExactly(false, false, true);
        web.get().uri("/api/complaints/" + id + "/history").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/complaints/" + id + "/history").header(HttpHeaders.AUTHORIZATION, "Bearer " + DW)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    @DisplayName("CMP-DISTRICT-CORRECTION: an operator corrects the district with a reason, audited")
    void cmpDistrictCorrectionIsAuditedWithItsReason() {
        String id = file(CITIZEN);
        step(OPERATOR, id, "district", Map.of("district", "海淀区", "reason", "来电人口误")).expectStatus()
                .isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("district")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("大洼区"));
        step(OPERATOR, id, "district", Map.of("district", "大洼区")).expectStatus().isBadRequest();
        step(XLT, id, "district", Map.of("district", "大洼区", "reason", "x")).expectStatus().isForbidden();
        step(CITIZEN, id, "district", Map.of("district", "大洼区", "reason", "x")).expectStatus().isForbidden();
        step(OPERATOR, id, "district", Map.of("district", "大洼区", "reason", "来电人口误，实为大洼区"))
                .expectStatus().isOk().expectBody().jsonPath("$.district").isEqualTo("大洼区");
        step(OPERATOR, id, "district", Map.of("district", "大洼区", "reason", "再次")).expectStatus().isEqualTo(422);
        // Routing follows the corrected district.
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.handling.unit").isEqualTo("大洼区生态环境分局");

        JsonNode correction = history(OPERATOR, id).get("items").valueStream()
                .filter(entry -> entry.get("action").asString().equals("correct-district")).findFirst().orElseThrow();
        assertThat(correction.get("actor").asString()).isEqualTo("operator1");
        assertThat(correction.get("details").get("from").asString()).isEqualTo("兴隆台区");
        assertThat(correction.get("details").get("reason").asString()).isEqualTo("来电人口误，实为大洼区");
        assertThat(feed.read(0, 1000).block().events().stream()
                .filter(event -> event.aggregateId().equals(id)).map(event -> event.type()))
                .contains("ComplaintDistrictCorrected");
    }

    @Test
    @DisplayName("CMP-STEP-FIRST: handling before start is a 409 that names the step that comes first")
    void cmpStepFirstThroughTheApi() {
        String id = file(CITIZEN);
        step(OPERATOR, id, "dispatch", Map.of()).expectStatus().isOk();
        step(XLT, id, "start", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-transition")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).endsWith("'accept' comes first"));
        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "handling", Map.of("substantiated", false, "findings", "x")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .endsWith("'start' comes first"));
    }
}
