package gov.envgov.enforcement.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.enforcement.platform.EnforcementWebSlice;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;

/** The draw endpoints with the real security rules: who may draw, what the public sees, the problem shapes. */
@WebFluxTest(controllers = {DrawController.class, PublicDrawController.class})
@Import(EnforcementWebSlice.class)
class DrawControllerTest {

    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final UUID ID = UUID.fromString("7b0c7e9e-0000-4000-8000-000000000001");
    static final Draw DRAWN = new Draw(ID, "2026Q4", SupervisionLevel.COUNTY, "兴隆台区", "KEY", 0,
            "00".repeat(32), "ab".repeat(32), DrawStatus.DRAWN, DrawAlgorithm.VERSION, "cd".repeat(32), 12,
            List.of("91211103MA0GT00001"), Instant.parse("2026-12-01T02:00:00Z"), "inspector1",
            Instant.parse("2026-12-01T03:00:00Z"), LocalDate.of(2026, 12, 29), null, 1);

    @Autowired
    WebTestClient web;
    @MockitoBean
    DrawService draws;

    @Test
    void theDrawnListAndTheSeedStayHiddenFromThePublicUntilTheResults() {
        when(draws.find(ID)).thenReturn(Mono.just(DRAWN));
        web.get().uri("/api/public/inspections/draws/" + ID).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DRAWN")
                .jsonPath("$.sampleSize").isEqualTo(1)
                .jsonPath("$.selection").doesNotExist()
                .jsonPath("$.seed").doesNotExist();
        web.get().uri("/api/enforcement/draws/" + ID).header(HttpHeaders.AUTHORIZATION, INSPECTOR).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.selection[0]").isEqualTo("91211103MA0GT00001")
                .jsonPath("$.seed").doesNotExist();
    }

    @Test
    void onlyInspectorsAndAdminsDrawAndNobodyWithoutAToken() {
        Map<String, Object> plan = Map.of("period", "2026Q4", "level", "COUNTY", "district", "兴隆台区",
                "managementClass", "KEY");
        web.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.enterprise("ent-a", "91211103MA0GA0001Y")).bodyValue(plan).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/enforcement/draws").bodyValue(plan).exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/enforcement/draws/" + ID + "/draw").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.staff("legal1", "兴隆台区", "legal_reviewer")).exchange()
                .expectStatus().isForbidden();
        verifyNoInteractions(draws);
    }

    @Test
    void aBadPlanNamesTheFieldAndARefusedOneItsRule() {
        web.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("period", "Q4", "level", "COUNTY", "managementClass", "KEY")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("period");
        when(draws.announce(any(), any())).thenReturn(Mono.error(new DomainException.RuleViolation(
                "district-required", "district", "a county-level draw covers one district: name it")));
        web.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("period", "2026Q4", "level", "COUNTY", "managementClass", "KEY")).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:district-required")
                .jsonPath("$.errors[0].field").isEqualTo("district");
        web.get().uri("/api/public/inspections/draws/not-a-uuid").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
    }

    @Test
    void aVerificationBeforeTheResultsIsAConflictProblem() {
        when(draws.verification(eq(ID))).thenReturn(Mono.error(new DomainException.Conflict("draw-not-published",
                "draw is DRAWN: its seed is revealed with the results")));
        byte[] body = web.get().uri("/api/public/inspections/draws/" + ID + "/verification").exchange()
                .expectStatus().isEqualTo(409).expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("urn:envgov:problem:draw-not-published").doesNotContain("\"seed\"");
    }
}
