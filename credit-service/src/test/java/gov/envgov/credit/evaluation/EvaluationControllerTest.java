package gov.envgov.credit.evaluation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.credit.platform.CreditWebSlice;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The evaluation endpoints with the real security rules: who may do what, whose data, and the problem shapes. */
@WebFluxTest(controllers = {EvaluationController.class, MyCreditController.class})
@Import(CreditWebSlice.class)
class EvaluationControllerTest {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final UUID OBJECTION = UUID.fromString("7b0c7e9e-0000-4000-8000-000000000011");
    static final String OFFICER = "Bearer " + TestTokens.of("credit1", "credit_officer");
    static final String AS_A = "Bearer " + TestTokens.enterprise("ent-a", ENT_A);
    static final String AS_B = "Bearer " + TestTokens.enterprise("ent-b", "91211104MA0GB00028");

    @Autowired
    WebTestClient web;
    @MockitoBean
    EvaluationService evaluations;
    @MockitoBean
    ObjectionService objections;

    private final Objection filed = Objection.file(OBJECTION, UUID.randomUUID(), 2025, ENT_A, 1, "理由", List.of(),
            List.of(), "ent-a", Instant.parse("2026-02-01T02:00:00Z"));

    @BeforeEach
    void theServicesKeepTheirOwnershipRule() {
        when(objections.find(eq(OBJECTION), any())).thenAnswer(call -> {
            CurrentUser reader = call.getArgument(1);
            return reader.isStaff() || reader.actsFor(ENT_A) ? Mono.just(filed)
                    : Mono.error(new DomainException.NotFound("objection", OBJECTION.toString()));
        });
        when(evaluations.ofSubject(any())).thenReturn(Flux.empty());
        when(evaluations.today()).thenReturn(LocalDate.of(2026, 2, 1));
    }

    @Test
    void crdObjectionOwnAnEnterpriseSeesItsOwnObjectionAndAnotherGetsNotFound() {
        web.get().uri("/api/credit/my/objections/" + OBJECTION).header(HttpHeaders.AUTHORIZATION, AS_A).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.subjectCode").isEqualTo(ENT_A);
        web.get().uri("/api/credit/my/objections/" + OBJECTION).header(HttpHeaders.AUTHORIZATION, AS_B).exchange()
                .expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
    }

    @Test
    void anEnterprisesOwnViewsReadTheEnterpriseOfItsTokenNeverOneItNames() {
        web.get().uri("/api/credit/my/results").header(HttpHeaders.AUTHORIZATION, AS_A).exchange()
                .expectStatus().isOk();
        verify(evaluations).ofSubject(ENT_A);
    }

    @Test
    void staffEndpointsAreForCreditOfficersAndOwnViewsForEnterprises() {
        web.post().uri("/api/credit/evaluations").header(HttpHeaders.AUTHORIZATION, AS_A)
                .bodyValue(Map.of("period", 2025)).exchange().expectStatus().isForbidden();
        web.get().uri("/api/credit/evaluations/2025/results/" + ENT_A).header(HttpHeaders.AUTHORIZATION, AS_A)
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/credit/objections").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.of("inspector1", "inspector")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/credit/my/results").header(HttpHeaders.AUTHORIZATION, OFFICER).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/credit/my/results").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void crdEvalObjectionWindowAnObjectionAfterTheWindowIsAConflictWithAStableType() {
        when(objections.file(anyInt(), any(), any())).thenReturn(Mono.error(new DomainException.Conflict(
                "objection-window-closed", "objections to the 2025 result were taken until 2026-02-12")));
        web.post().uri("/api/credit/my/results/2025/objections").header(HttpHeaders.AUTHORIZATION, AS_A)
                .bodyValue(Map.of("reasons", "太晚了")).exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:objection-window-closed");
    }

    @Test
    void aMalformedAnswerNamesTheFieldAndReachesNoService() {
        web.post().uri("/api/credit/objections/" + OBJECTION + "/answer").header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("answer", "x")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("upheld");
        web.post().uri("/api/credit/evaluations").header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("period", 1900)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        verifyNoInteractions(objections);
    }
}
