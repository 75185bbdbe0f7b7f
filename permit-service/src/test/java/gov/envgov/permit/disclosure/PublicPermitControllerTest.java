package gov.envgov.permit.disclosure;

import static gov.envgov.permit.testing.PermitApi.ENT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.permit.permit.PermitClass;
import gov.envgov.permit.platform.PermitWebSlice;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.permit.testing.PermitFixtures;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** Disclosure over HTTP: no login, nothing private, problem shapes; the service is mocked. */
@WebFluxTest(PublicPermitController.class)
@Import(PermitWebSlice.class)
class PublicPermitControllerTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    @Autowired
    WebTestClient web;

    @MockitoBean
    PublicPermitService service;

    PermitApi api;

    @BeforeEach
    void setUp() {
        api = new PermitApi(web);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyoneSearchesIssuedPermitsAndSeesNothingPrivate() {
        when(service.search(any(), any(), any())).thenReturn(Mono.just(new PageResponse<>(
                List.of(PermitFixtures.issued(ID, ENT_A)), 0, 20, 1)));
        Map<String, Object> page = api.get(null, "/api/public/permits?q=辽河&district=兴隆台区&permitClass=KEY")
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(page).containsEntry("total", 1).containsEntry("page", 0).containsEntry("size", 20)
                .containsEntry("totalExact", true);
        Map<String, Object> item = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(item.keySet()).containsExactlyInAnyOrder("id", "holderName", "enterpriseCode", "district",
                "permitClass", "number", "status", "validFrom", "validTo", "outlets");
        assertThat(item).containsEntry("number", ENT_A + "001P").containsEntry("validTo", "2031-03-09");
        ArgumentCaptor<PublicPermitQuery> query = ArgumentCaptor.forClass(PublicPermitQuery.class);
        verify(service).search(query.capture(), eq(new PageRequest(0, 20)), isNull());
        assertThat(query.getValue()).isEqualTo(new PublicPermitQuery("辽河", "兴隆台区", PermitClass.KEY));
    }

    @Test
    void aPermitThatIsNotPublicIsNotFound() {
        when(service.find(ID)).thenReturn(Mono.error(new DomainException.NotFound("permit", ID.toString())));
        api.get(null, "/api/public/permits/" + ID).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.detail").isEqualTo("permit " + ID + " does not exist");
    }

    @Test
    void oneIssuedPermitsPublicViewHasItsOutletsAndLimits() {
        when(service.find(ID)).thenReturn(Mono.just(PermitFixtures.issued(ID, ENT_A)));
        api.get(null, "/api/public/permits/" + ID).expectStatus().isOk().expectBody()
                .jsonPath("$.outlets[0].code").isEqualTo("DA001")
                .jsonPath("$.outlets[0].pollutants[0].concentration.value").isEqualTo(50.0)
                .jsonPath("$.legalRepresentative").doesNotExist()
                .jsonPath("$.address").doesNotExist();
    }

    @Test
    void anUnknownPermitClassIsAMalformedRequest() {
        api.get(null, "/api/public/permits?permitClass=HUGE").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(service);
    }
}
