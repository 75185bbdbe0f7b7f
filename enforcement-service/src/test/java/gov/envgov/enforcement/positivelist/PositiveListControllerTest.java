package gov.envgov.enforcement.positivelist;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.enforcement.platform.EnforcementWebSlice;
import gov.envgov.support.testing.TestTokens;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** The positive list's endpoints with the real security rules: public list, staff explanation, admin evaluation. */
@WebFluxTest(controllers = PositiveListController.class)
@Import(EnforcementWebSlice.class)
class PositiveListControllerTest {

    static final String UNIT = "91211103MA0GA0001Y";

    @Autowired
    WebTestClient web;
    @MockitoBean
    PositiveListService positiveList;

    @Test
    void thePublicReadsTheListOnlyAdminEvaluatesAndStaffSeeWhy() {
        when(positiveList.listed(any())).thenReturn(Mono.just(new PageResponse<>(List.of(new ListedUnit(UNIT,
                "盘锦清洁化工有限公司", "兴隆台区", LocalDate.of(2026, 2, 12), LocalDate.of(2029, 2, 11))), 0, 20, 1)));
        web.get().uri("/api/public/inspections/positive-list").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].listedUntil").isEqualTo("2029-02-11");
        web.post().uri("/api/enforcement/positive-list/evaluation").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector")).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/enforcement/positive-list/" + UNIT).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.enterprise("ent-a", UNIT)).exchange().expectStatus().isForbidden();
        when(positiveList.evaluate(eq(false), eq("admin1"))).thenReturn(Mono.just(
                new PositiveListService.Evaluation(2, 0, 1)));
        web.post().uri("/api/enforcement/positive-list/evaluation").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.of("admin1", "admin")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.listed").isEqualTo(2).jsonPath("$.removed").isEqualTo(1);
        web.get().uri("/api/enforcement/positive-list/NOT-A-CODE").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void nobodyEvaluatesWithoutAToken() {
        web.post().uri("/api/enforcement/positive-list/evaluation").exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(positiveList);
    }
}
