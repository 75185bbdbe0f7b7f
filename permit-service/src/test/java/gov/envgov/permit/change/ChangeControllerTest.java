package gov.envgov.permit.change;

import static gov.envgov.permit.testing.PermitApi.ENT_A;
import static gov.envgov.permit.testing.PermitApi.OWNER_A;
import static gov.envgov.permit.testing.PermitApi.REVIEWER;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
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

import gov.envgov.permit.platform.PermitWebSlice;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.permit.testing.PermitFixtures;
import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/** Administrative changes over HTTP: the holder applies, a reviewer decides; the service is mocked. */
@WebFluxTest(ChangeController.class)
@Import(PermitWebSlice.class)
class ChangeControllerTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Map<String, Object> LOWER = Map.of("holderName", "盘锦辽河石化股份有限公司",
            "content", content(35, 10.0), "version", 4);

    @Autowired
    WebTestClient web;

    @MockitoBean
    ChangeService service;

    PermitApi api;

    @BeforeEach
    void setUp() {
        api = new PermitApi(web);
    }

    @Test
    void theHolderAppliesForAChangeThatWaitsForAReviewer() {
        PermitChange change = new PermitChange("盘锦辽河石化股份有限公司", null, null, PermitFixtures.content(), 4);
        when(service.requestChange(eq(ID), any(), any())).thenReturn(Mono.just(new ChangeRequest(REQUEST, ID, change,
                ChangeRequestStatus.PENDING, "ent-a", Instant.parse("2026-03-10T02:00:00Z"), null, null, null)));
        api.post(OWNER_A, "/api/permits/" + ID + "/change-request", LOWER).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/permits/" + ID + "/change-request")
                .expectBody()
                .jsonPath("$.id").isEqualTo(REQUEST.toString())
                .jsonPath("$.permitId").isEqualTo(ID.toString())
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.requestedBy").isEqualTo("ent-a")
                .jsonPath("$.change.holderName").isEqualTo("盘锦辽河石化股份有限公司")
                .jsonPath("$.change.version").isEqualTo(4)
                .jsonPath("$.decidedBy").doesNotExist();
    }

    @Test
    void onlyTheHolderAppliesAndOnlyAReviewerDecidesOrChangesDirectly() {
        api.post(REVIEWER, "/api/permits/" + ID + "/change-request", LOWER).expectStatus().isForbidden();
        api.post(OWNER_A, "/api/permits/" + ID + "/change-request/approve", null).expectStatus().isForbidden();
        api.post(OWNER_A, "/api/permits/" + ID + "/change-request/reject", Map.of("reason", "x"))
                .expectStatus().isForbidden();
        api.put(OWNER_A, "/api/permits/" + ID + "/change", LOWER).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        verifyNoInteractions(service);
    }

    @Test
    void aReviewerApprovesAndGetsThePermitAsChanged() {
        when(service.approveChange(eq(ID), any())).thenReturn(Mono.just(PermitFixtures.issued(ID, ENT_A)));
        api.post(REVIEWER, "/api/permits/" + ID + "/change-request/approve", null).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(ID.toString())
                .jsonPath("$.status").isEqualTo("ISSUED");
    }

    @Test
    void aChangeThatAllowsMoreIsA422NamingTheContent() {
        when(service.requestChange(eq(ID), any(), any())).thenReturn(Mono.error(new DomainException.RuleViolation(
                "new-application-required", "content", "not an administrative change: higher limit")));
        api.post(OWNER_A, "/api/permits/" + ID + "/change-request", LOWER).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:new-application-required")
                .jsonPath("$.errors[0].field").isEqualTo("content")
                .jsonPath("$.errors[0].message").isEqualTo("not an administrative change: higher limit");
    }

    @Test
    void aChangeWithoutTheVersionItWasMadeOnIsAValidationProblem() {
        api.post(OWNER_A, "/api/permits/" + ID + "/change-request", Map.of("holderName", "n",
                "content", content(35, 10.0))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("version");
        verifyNoInteractions(service);
    }

    @Test
    void noPendingChangeIsNotFound() {
        when(service.pendingChange(eq(ID), any())).thenReturn(Mono.error(
                new DomainException.NotFound("pending change of permit", ID.toString())));
        api.get(OWNER_A, "/api/permits/" + ID + "/change-request").expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.resource").isEqualTo("pending change of permit");
    }
}
