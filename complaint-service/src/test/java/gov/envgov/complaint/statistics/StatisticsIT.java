package gov.envgov.complaint.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.complaint.statistics.minimum-public-cell=3"})
@Import(MutableClock.Config.class)
class StatisticsIT {

    static final String CITIZEN = TestTokens.of("citizen-st", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("statistics").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void mondayTheSecondOfMarch() {
        clock.setDay("2026-03-02");
    }

    private String file(String category, String district) {
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", category,
                        "description", "统计测试投诉内容", "district", district))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }

    private void step(String token, String id, String action, Object body) {
        web.post().uri("/api/complaints/" + id + "/" + action).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body == null ? Map.of() : body).exchange()
                .expectStatus().isOk();
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName("CMP-STATS-SUPPRESSION: staff see every cell; the public see small cells as null, never 0")
    void cmpStatsSuppressionStaffSeeEveryCellAndThePublicSmallCellsAsNull() {
        for (int i = 0; i < 4; i++) {
            file("AIR", "兴隆台区");
        }
        file("NOISE", "大洼区");
        for (int i = 0; i < 3; i++) {
            file("WATER", "兴隆台区");
        }
        String answered = file("AIR", "兴隆台区");
        step(OPERATOR, answered, "dispatch", null);
        step(XLT, answered, "accept", null);
        step(XLT, answered, "start", null);
        step(XLT, answered, "handling", Map.of("substantiated", false, "findings", "未发现异常"));
        step(XLT, answered, "reply", Map.of("text", "经核查未发现异常"));
        step(OPERATOR, answered, "follow-up", Map.of("satisfaction", "BASICALLY_SATISFIED", "solved", true));

        web.get().uri("/api/complaints/statistics?from=2026-03-01&to=2026-03-31")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(9)
                .jsonPath("$.byCategory.AIR").isEqualTo(5)
                .jsonPath("$.byCategory.NOISE").isEqualTo(1)
                .jsonPath("$.byCategory.WATER").isEqualTo(3)
                .jsonPath("$.byMonth['2026-03']").isEqualTo(9)
                .jsonPath("$.answered").isEqualTo(1)
                .jsonPath("$.onTimeRate").isEqualTo(1.0)
                .jsonPath("$.satisfaction.BASICALLY_SATISFIED").isEqualTo(1)
                .jsonPath("$.solved").isEqualTo(1)
                .jsonPath("$.suppressed").isEqualTo(0);

        web.get().uri("/api/public/complaints/statistics?from=2026-03-01&to=2026-03-31").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(9)
                .jsonPath("$.byCategory.AIR").isEqualTo(5)
                // NOISE is small; WATER goes with it, or 9 - 5 - WATER would show NOISE.
                .jsonPath("$.byCategory").value(cells -> assertThat((Map<String, Object>) cells)
                        .containsEntry("NOISE", null).containsEntry("WATER", null))
                .jsonPath("$.byDistrict").value(cells -> assertThat((Map<String, Object>) cells)
                        .containsEntry("大洼区", null).containsEntry("兴隆台区", null))
                .jsonPath("$.satisfaction").value(cells -> assertThat((Map<String, Object>) cells)
                        .containsEntry("BASICALLY_SATISFIED", null))
                .jsonPath("$.byMonth['2026-03']").isEqualTo(9)
                .jsonPath("$").value(report -> assertThat((Map<String, Object>) report)
                        .containsEntry("solved", null).containsEntry("answered", null)
                        .containsEntry("onTime", null).containsEntry("onTimeRate", null)
                        .containsEntry("followedUp", null))
                .jsonPath("$.suppressedCells").value(cells -> assertThat((List<String>) cells)
                        .contains("byCategory.NOISE", "byCategory.WATER", "solved"))
                .jsonPath("$.note").value(note -> assertThat((String) note).contains("not zero"))
                .jsonPath("$.suppressed").isEqualTo(9);

        web.get().uri("/api/complaints/statistics").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/public/complaints/statistics?from=2026-04-01&to=2026-03-01").exchange()
                .expectStatus().isEqualTo(422);
    }
}
