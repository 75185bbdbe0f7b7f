package gov.envgov.enforcement.casefile;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
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

import gov.envgov.enforcement.platform.EnforcementWebSlice;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;

/** The case endpoints with the real security rules: roles per step, the party's view, ownership, problems. */
@WebFluxTest(controllers = CaseController.class)
@Import(EnforcementWebSlice.class)
class CaseControllerTest {

    static final String UNIT = "91211103MA0GA0001Y";
    static final UUID ID = UUID.fromString("7b0c7e9e-0000-4000-8000-000000000002");
    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String ENT_A = "Bearer " + TestTokens.enterprise("ent-a", UNIT);
    static final String ENT_B = "Bearer " + TestTokens.enterprise("ent-b", "91211104MA0GB00028");

    @Autowired
    WebTestClient web;
    @MockitoBean
    CaseService cases;

    private final EnforcementCase decided = EnforcementCase.file(ID, new CaseFacts(UUID.randomUUID(), UNIT,
                    PartyKind.ORGANISATION, "OVER_LIMIT_DISCHARGE", "大气污染防治法 第九十九条", false,
                    LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 28), false, false),
            List.of("inspector1", "inspector2"), LocalDate.of(2026, 9, 1), CaseFixtures.RULES).next();

    @BeforeEach
    void theServiceKeepsItsOwnershipRule() {
        when(cases.find(eq(ID), any())).thenAnswer(call -> {
            CurrentUser reader = call.getArgument(1);
            return reader.isStaff() || reader.actsFor(UNIT) ? Mono.just(decided)
                    : Mono.error(new DomainException.NotFound("case", ID.toString()));
        });
    }

    @Test
    void thePartySeesItsCaseWithoutTheBureausInternalRecordAndOthersDoNotSeeIt() {
        web.get().uri("/api/enforcement/cases/" + ID).header(HttpHeaders.AUTHORIZATION, ENT_A).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FILED")
                .jsonPath("$.procedure.investigators.length()").isEqualTo(0);
        web.get().uri("/api/enforcement/cases/" + ID).header(HttpHeaders.AUTHORIZATION, INSPECTOR).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.procedure.investigators[1]").isEqualTo("inspector2");
        web.get().uri("/api/enforcement/cases/" + ID).header(HttpHeaders.AUTHORIZATION, ENT_B).exchange()
                .expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        web.get().uri("/api/enforcement/cases/" + ID).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.of("citizen1", "citizen")).exchange().expectStatus().isForbidden();
    }

    @Test
    void eachStepIsForItsRole() {
        web.post().uri("/api/enforcement/cases/" + ID + "/legal-review/approval")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/cases/" + ID + "/collective-decision")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).bodyValue(Map.of("minutes", "m")).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/enforcement/cases/" + ID + "/decision").header(HttpHeaders.AUTHORIZATION, ENT_A)
                .bodyValue(Map.of("outcome", "PENALTY", "fine", 1, "reason", "r")).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/enforcement/cases/" + ID + "/record/verification")
                .header(HttpHeaders.AUTHORIZATION, ENT_A).exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/clues/" + ID + "/case").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aDecisionAboveTheNoticeIsARuleViolationNamingTheFine() {
        when(cases.decide(eq(ID), any(), any())).thenReturn(Mono.error(new DomainException.RuleViolation(
                "exceeds-notice", "fine", "the fine 60000 exceeds the 50000 the notice proposed")));
        web.post().uri("/api/enforcement/cases/" + ID + "/decision").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("outcome", "PENALTY", "fine", new BigDecimal("60000"), "reason", "从重")).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:exceeds-notice")
                .jsonPath("$.errors[0].field").isEqualTo("fine");
    }

    @Test
    void aMalformedStepNamesTheFieldAndWhatIsAccepted() {
        web.post().uri("/api/enforcement/cases/" + ID + "/decision").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("outcome", "PENALTY", "fine", -1, "reason", "r")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("fine");
        web.post().uri("/api/enforcement/clues/" + ID + "/case").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("party", "ORGANISATION", "violation", "V", "legalBasis", "B",
                        "violationEndedOn", "2026-11-01", "investigators", List.of("inspector1"))).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("investigators");
        verifyNoInteractions(cases);
    }
}
