package gov.envgov.permit.permit;

import static gov.envgov.permit.testing.PermitApi.CITIZEN;
import static gov.envgov.permit.testing.PermitApi.ENT_A;
import static gov.envgov.permit.testing.PermitApi.INSPECTOR;
import static gov.envgov.permit.testing.PermitApi.OWNER_A;
import static gov.envgov.permit.testing.PermitApi.OWNER_B;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.permit.platform.PermitWebSlice;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.permit.testing.PermitFixtures;
import gov.envgov.support.audit.AuditTrail;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading permits over HTTP with the real security rules and the real ownership rule ({@link PermitQueryService}
 * runs; only the store below it is mocked, so a test of ownership does not test a stub).
 */
@WebFluxTest(PermitController.class)
@Import({PermitWebSlice.class, PermitQueryService.class})
class PermitControllerTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    @Autowired
    WebTestClient web;

    @MockitoBean
    PermitRepository permits;

    @MockitoBean
    AuditTrail audit;

    PermitApi api;

    @BeforeEach
    void setUp() {
        api = new PermitApi(web);
        when(permits.find(ID)).thenReturn(Mono.just(PermitFixtures.issued(ID, ENT_A)));
    }

    @Test
    void theHolderAndStaffReadAPermit() {
        api.get(OWNER_A, "/api/permits/" + ID).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(ID.toString())
                .jsonPath("$.status").isEqualTo("ISSUED")
                .jsonPath("$.number").isEqualTo(ENT_A + "001P")
                .jsonPath("$.overdue").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(4);
        api.get(INSPECTOR, "/api/permits/" + ID).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(ID.toString());
    }

    @Test
    void enterpriseCannotReadAnotherEnterprisesPermit() {
        api.get(OWNER_B, "/api/permits/" + ID).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("permit " + ID + " does not exist")
                .jsonPath("$.resource").isEqualTo("permit");
    }

    @Test
    void anUnknownPermitAndAnotherEnterprisesPermitLookAlike() {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
        when(permits.find(unknown)).thenReturn(Mono.empty());
        api.get(OWNER_B, "/api/permits/" + unknown).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.detail").isEqualTo("permit " + unknown + " does not exist");
    }

    @Test
    void enterpriseCannotListOrTraceAnotherEnterprisesPermits() {
        api.get(OWNER_B, "/api/permits?enterprise=" + ENT_A).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.detail").isEqualTo("enterprise " + ENT_A + " does not exist");
        api.get(OWNER_B, "/api/permits/" + ID + "/history").expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        verifyNoInteractions(audit);
    }

    @Test
    void theHolderListsItsPermitsPageByPage() {
        when(permits.forEnterprise(ENT_A, 20, 10)).thenReturn(Flux.just(PermitFixtures.issued(ID, ENT_A)));
        when(permits.countForEnterprise(ENT_A)).thenReturn(Mono.just(21L));
        api.get(OWNER_A, "/api/permits?enterprise=" + ENT_A + "&page=2&size=10").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(ID.toString())
                .jsonPath("$.page").isEqualTo(2)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.total").isEqualTo(21);
    }

    @Test
    void aMalformedCreditCodeIsAFieldError() {
        api.get(OWNER_A, "/api/permits?enterprise=91211103MA0GA0001X").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("enterprise");
        verifyNoInteractions(permits);
    }

    @Test
    void aPageLargerThanAllowedIsAValidationProblem() {
        api.get(OWNER_A, "/api/permits?enterprise=" + ENT_A + "&size=500").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].message").isEqualTo("must be less than or equal to 200");
        verifyNoInteractions(permits);
    }

    @Test
    void aMalformedPermitIdIsABadRequest() {
        api.get(OWNER_A, "/api/permits/not-a-uuid").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
    }

    @Test
    void aCitizenReadsNoPermitsAndAnonymousCallersAreUnauthorized() {
        api.get(CITIZEN, "/api/permits/" + ID).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        api.get(null, "/api/permits/" + ID).expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        api.get("not-a-token", "/api/permits/" + ID).expectStatus().isUnauthorized();
        verifyNoInteractions(permits);
    }

    @Test
    void theHistoryComesFromTheAuditChainForTheHolder() {
        when(audit.history(PermitStore.AUDIT_TYPE, ID.toString())).thenReturn(Flux.just(new AuditTrail.Entry(7,
                PermitFixtures.CREATED, "ent-a", "apply", PermitStore.AUDIT_TYPE, ID.toString(), "{}", "0", "1")));
        api.get(OWNER_A, "/api/permits/" + ID + "/history").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].actor").isEqualTo("ent-a")
                .jsonPath("$[0].action").isEqualTo("apply");
    }
}
