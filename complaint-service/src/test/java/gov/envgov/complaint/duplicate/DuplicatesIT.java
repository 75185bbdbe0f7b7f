package gov.envgov.complaint.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.events.EventFeed;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Proposals and links; two open complaints per query, so the proposals come from several pages. */
@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.complaint.duplicates.page-size=2"})
class DuplicatesIT {

    static final String FIRST = TestTokens.of("citizen-d1", "citizen");
    static final String SECOND = TestTokens.of("citizen-d2", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("duplicates").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    EventFeed feed;

    private String file(String token, String category, String district, String text, double lon, double lat) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "description", text,
                "district", district, "location", Map.of("longitude", lon, "latitude", lat)));
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private WebTestClient.ResponseSpec step(String token, String id, String action, Object body) {
        return web.post().uri("/api/complaints/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body == null ? Map.of() : body).exchange();
    }

    private List<String> proposals(String id) {
        return web.get().uri("/api/complaints/" + id + "/duplicates")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().findValuesAsString("id");
    }

    @Test
    void theSameFactsNearbyAreProposedAndOnceLinkedAnsweredWithTheMaster() {
        String master = file(FIRST, "ODOUR", "兴隆台区", "化工厂夜间排放刺鼻气体，味道很大，无法开窗", 122.0700, 41.1200);
        String unrelated = file(FIRST, "WATER", "兴隆台区", "河道发黑发臭", 122.0700, 41.1200);
        String far = file(FIRST, "ODOUR", "兴隆台区", "化工厂夜间排放刺鼻气体，味道很大", 122.1300, 41.1500);
        String duplicate = file(SECOND, "ODOUR", "兴隆台区", "化工厂晚上排放刺鼻气体，味道很大", 122.0710, 41.1205);

        assertThat(proposals(duplicate)).containsExactly(master).doesNotContain(unrelated, far, duplicate);

        step(OPERATOR, duplicate, "duplicate-of", Map.of("masterId", master)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("LINKED");
        step(OPERATOR, duplicate, "dispatch", null).expectStatus().isEqualTo(409);
        step(OPERATOR, far, "duplicate-of", Map.of("masterId", duplicate)).expectStatus().isEqualTo(422);

        step(OPERATOR, master, "dispatch", null).expectStatus().isOk();
        step(XLT, master, "accept", null).expectStatus().isOk();
        step(XLT, master, "start", null).expectStatus().isOk();
        step(XLT, master, "handling", Map.of("substantiated", true, "findings", "废气处理设施停运")).expectStatus().isOk();
        step(XLT, master, "reply", Map.of("text", "已责令停产整改")).expectStatus().isOk();

        web.get().uri("/api/complaints/" + duplicate).header(HttpHeaders.AUTHORIZATION, "Bearer " + SECOND)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REPLIED")
                .jsonPath("$.handling.reply").isEqualTo("已责令停产整改");
        step(OPERATOR, duplicate, "follow-up", Map.of("satisfaction", "SATISFIED", "solved", true))
                .expectStatus().isOk();
        assertThat(feed.read(0, 1000).block().events().stream()
                .filter(event -> event.aggregateId().equals(duplicate)).map(event -> event.type()))
                .containsExactly("ComplaintRegistered", "ComplaintLinked", "ComplaintReplied", "ComplaintFollowedUp");
    }

    @Test
    void duplicateProposalsAreForOperators() {
        String id = file(FIRST, "NOISE", "大洼区", "夜间施工噪声", 122.1, 40.9);
        web.get().uri("/api/complaints/" + id + "/duplicates").header(HttpHeaders.AUTHORIZATION, "Bearer " + FIRST)
                .exchange().expectStatus().isForbidden();
    }
}
