package gov.envgov.enforcement.measure;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
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

/** The side-measure endpoints with the real security rules and problem shapes. */
@WebFluxTest(controllers = MeasureController.class)
@Import(EnforcementWebSlice.class)
class MeasureControllerTest {

    static final UUID CASE = UUID.fromString("7b0c7e9e-0000-4000-8000-000000000004");
    static final UUID MEASURE = UUID.fromString("7b0c7e9e-0000-4000-8000-000000000005");
    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");

    @Autowired
    WebTestClient web;
    @MockitoBean
    MeasureService measures;

    @Test
    void onlyInspectorsAndAdminsActAndTheEnterpriseDoesNotReadMeasures() {
        web.post().uri("/api/enforcement/cases/" + CASE + "/measures/sealing").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.enterprise("ent-a", "91211103MA0GA0001Y"))
                .bodyValue(Map.of("startedOn", "2026-10-10")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/enforcement/cases/" + CASE + "/measures").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.enterprise("ent-a", "91211103MA0GA0001Y")).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/enforcement/cases/" + CASE + "/measures/production-limit")
                .bodyValue(Map.of("startedOn", "2026-10-10")).exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(measures);
    }

    @Test
    void aReinspectionWithoutItsFieldsOrOutsideItsWindowIsAProblemNamingTheField() {
        web.post().uri("/api/enforcement/cases/" + CASE + "/measures/" + MEASURE + "/reinspections")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).bodyValue(Map.of("on", "2026-10-20")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("covert");
        when(measures.reinspect(eq(CASE), eq(MEASURE), any(), any())).thenReturn(Mono.error(
                new DomainException.RuleViolation("reinspection-window", "on", "after " + LocalDate.of(2026, 10, 9))));
        web.post().uri("/api/enforcement/cases/" + CASE + "/measures/" + MEASURE + "/reinspections")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).bodyValue(Map.of("on", "2026-12-20", "covert", true))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:reinspection-window")
                .jsonPath("$.errors[0].field").isEqualTo("on");
    }
}
