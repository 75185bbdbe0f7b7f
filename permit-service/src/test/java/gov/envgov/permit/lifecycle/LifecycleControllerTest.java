package gov.envgov.permit.lifecycle;

import static gov.envgov.permit.testing.PermitApi.ADMIN;
import static gov.envgov.permit.testing.PermitApi.ENT_A;
import static gov.envgov.permit.testing.PermitApi.OWNER_A;
import static gov.envgov.permit.testing.PermitApi.REVIEWER;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

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

import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.permit.platform.PermitWebSlice;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.permit.testing.PermitFixtures;
import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/** Renewal, early ends and imports over HTTP: the real security rules and problem shapes, services mocked. */
@WebFluxTest(LifecycleController.class)
@Import(PermitWebSlice.class)
class LifecycleControllerTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID RENEWAL = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final Map<String, Object> REVOKE = Map.of("how", "REVOKED", "reason", "以欺骗手段取得",
            "legalBasis", "licensing-law-69");

    @Autowired
    WebTestClient web;

    @MockitoBean
    LifecycleService lifecycle;

    @MockitoBean
    PermitImportService imports;

    PermitApi api;

    @BeforeEach
    void setUp() {
        api = new PermitApi(web);
    }

    @Test
    void onlyAdminEndsAPermit() {
        api.post(REVIEWER, "/api/permits/" + ID + "/end", REVOKE).expectStatus().isForbidden();
        api.post(OWNER_A, "/api/permits/" + ID + "/end", REVOKE).expectStatus().isForbidden();
        verifyNoInteractions(lifecycle);
        when(lifecycle.end(eq(ID), any(), any())).thenReturn(Mono.just(
                PermitFixtures.application(ID, ENT_A, PermitStatus.REVOKED)));
        api.post(ADMIN, "/api/permits/" + ID + "/end", REVOKE).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED");
    }

    @Test
    void anUnknownWayToEndAPermitIsAMalformedRequest() {
        api.post(ADMIN, "/api/permits/" + ID + "/end", Map.of("how", "EXPIRED", "reason", "r", "legalBasis", "b"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(lifecycle);
    }

    @Test
    void theHolderRenewsUntilTheLastDayAndAfterItGetsA422() {
        when(lifecycle.renew(eq(ID), any(), any())).thenReturn(Mono.just(
                PermitFixtures.application(RENEWAL, ENT_A, PermitStatus.SUBMITTED)));
        api.post(OWNER_A, "/api/permits/" + ID + "/renewal", null).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/permits/" + RENEWAL)
                .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        when(lifecycle.renew(eq(ID), any(), any())).thenReturn(Mono.error(new DomainException.RuleViolation(
                "renewal-deadline-passed", "permit", "the last day to apply for renewal was 2031-01-08")));
        api.post(OWNER_A, "/api/permits/" + ID + "/renewal", null).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:renewal-deadline-passed")
                .jsonPath("$.errors[0].field").isEqualTo("permit");
        api.post(REVIEWER, "/api/permits/" + ID + "/renewal", null).expectStatus().isForbidden();
    }

    @Test
    void onlyAdminImportsAndAnEmptyImportIsAFieldError() {
        Map<String, Object> one = Map.of("permits", List.of(Map.of("enterpriseCode", ENT_A,
                "content", content(50, 12.0), "validFrom", "2023-06-01")));
        api.post(OWNER_A, "/api/permits/import", one).expectStatus().isForbidden();
        api.post(ADMIN, "/api/permits/import", Map.of("permits", List.of())).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("permits");
        verifyNoInteractions(imports);
        when(imports.importAll(any(), any())).thenReturn(Mono.just(new LifecycleRequests.ImportResult(1, 0)));
        api.post(ADMIN, "/api/permits/import", one).expectStatus().isOk().expectBody()
                .jsonPath("$.imported").isEqualTo(1)
                .jsonPath("$.alreadyHoldingAPermit").isEqualTo(0);
    }
}
