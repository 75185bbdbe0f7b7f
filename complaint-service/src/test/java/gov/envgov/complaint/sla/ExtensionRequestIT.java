package gov.envgov.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
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

/** The handler asks for more time, an operator approves or refuses; the clock is Monday 2 March 2026. */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class ExtensionRequestIT {

    static final String CITIZEN = TestTokens.of("citizen-e", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("extension_requests").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MutableClock clock;
    @Autowired
    EventFeed feed;

    @BeforeEach
    void mondayTheSecondOfMarch() {
        clock.setDay("2026-03-02");
    }

    /** A complaint of 15 working days from Mon 2 Mar (due Mon 23 Mar), accepted by 兴隆台区. */
    private String accepted() {
        String id = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "COMPLAINT", "category", "AIR",
                        "description", "夜间烟囱冒黑烟", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        post(OPERATOR, "/api/complaints/" + id + "/dispatch", Map.of()).expectStatus().isOk();
        post(XLT, "/api/complaints/" + id + "/accept", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.dueDate").isEqualTo("2026-03-23");
        return id;
    }

    private WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String ask(String id, int days) {
        return post(XLT, "/api/complaints/" + id + "/extension-requests",
                Map.of("workingDays", days, "reason", "需委托第三方检测"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }

    private JsonNode complaint(String id) {
        return web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    @DisplayName("CMP-EXTENSION-REQUEST: asked by the unit, approved by an operator, the due date moves by the days")
    void cmpExtensionRequestApprovedMovesTheDueDateByTheApprovedWorkingDays() {
        String id = accepted();
        String request = ask(id, 5);
        // One request waits at a time: the second names the first.
        post(XLT, "/api/complaints/" + id + "/extension-requests", Map.of("workingDays", 3, "reason", "再申请"))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-pending")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(request));
        assertThat(complaint(id).get("dueDate").asString()).isEqualTo("2026-03-23");

        JsonNode pending = web.get().uri("/api/complaints/extension-requests?size=200")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(pending.get("items").findValuesAsString("id")).contains(request);
        assertThat(pending.get("total").asLong()).isPositive();

        String approve = "/api/complaints/" + id + "/extension-requests/" + request + "/approve";
        post(XLT, approve, Map.of()).expectStatus().isForbidden();
        post(OPERATOR, approve, Map.of("workingDays", 6)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("workingDays");
        // Fewer days than asked: 4 working days after Mon 23 Mar is Fri 27 Mar.
        post(OPERATOR, approve, Map.of("workingDays", 4)).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("APPROVED")
                .jsonPath("$.approvedDays").isEqualTo(4)
                .jsonPath("$.dueDateAfter").isEqualTo("2026-03-27");
        JsonNode extended = complaint(id);
        assertThat(extended.get("dueDate").asString()).isEqualTo("2026-03-27");
        assertThat(extended.get("sla").get("extensionReason").asString()).isEqualTo("需委托第三方检测");

        post(OPERATOR, approve, Map.of()).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-decided")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("APPROVED by operator1"));
        post(XLT, "/api/complaints/" + id + "/extension-requests", Map.of("workingDays", 3, "reason", "再申请"))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:already-extended");
        assertThat(feed.read(0, 1000).block().events().stream()
                .filter(event -> event.aggregateId().equals(id)).map(event -> event.type()))
                .containsSubsequence("ComplaintExtensionRequested", "ComplaintExtended");
    }

    @Test
    @DisplayName("CMP-EXTENSION-REQUEST: a refusal keeps the due date; a new request may follow; limits are named")
    void cmpExtensionRequestRefusedKeepsTheDueDate() {
        String id = accepted();
        post(DW, "/api/complaints/" + id + "/extension-requests", Map.of("workingDays", 5, "reason", "x"))
                .expectStatus().isNotFound();
        post(XLT, "/api/complaints/" + id + "/extension-requests", Map.of("workingDays", 0, "reason", "x"))
                .expectStatus().isBadRequest();
        // The ceiling from receipt plus the extension ceiling (2 Mar + 90 days = 31 May) bounds the days.
        post(XLT, "/api/complaints/" + id + "/extension-requests", Map.of("workingDays", 80, "reason", "x"))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("workingDays")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("at most").contains("2026-05-31"));

        String request = ask(id, 5);
        String refuse = "/api/complaints/" + id + "/extension-requests/" + request + "/refuse";
        post(OPERATOR, refuse, Map.of()).expectStatus().isBadRequest();
        post(OPERATOR, refuse, Map.of("note", "检测可在期限内完成")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REFUSED")
                .jsonPath("$.decisionNote").isEqualTo("检测可在期限内完成");
        assertThat(complaint(id).get("dueDate").asString()).isEqualTo("2026-03-23");
        post(OPERATOR, "/api/complaints/" + id + "/extension-requests/" + request + "/approve", Map.of())
                .expectStatus().isEqualTo(409);

        clock.set(clock.instant().plusSeconds(3600));
        String again = ask(id, 2);
        JsonNode listed = web.get().uri("/api/complaints/" + id + "/extension-requests")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.get("items").findValuesAsString("id")).containsExactly(request, again);
        assertThat(listed.get("items").findValuesAsString("status")).containsExactly("REFUSED", "PENDING");
        web.get().uri("/api/complaints/extension-requests").header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT)
                .exchange().expectStatus().isForbidden();

        clock.setDay("2026-03-24");
        post(OPERATOR, "/api/complaints/" + id + "/extension-requests/" + again + "/approve", Map.of())
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-too-late");
    }
}
