package gov.envgov.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Api keys of Open311 client applications with the real security rules and role mapping: administrators only. The
 * key store is mocked.
 */
@WebFluxTest(Open311ClientController.class)
@Import(WebSliceSecurity.class)
class Open311ClientControllerTest {

    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final UUID CLIENT = UUID.fromString("6f1c1e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    static final String KEY = "4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f";

    @Autowired
    WebTestClient web;
    @MockitoBean
    Open311Clients clients;

    private WebTestClient.ResponseSpec issue(String token, Object body) {
        return web.post().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec revoke(String token, String id) {
        return web.delete().uri("/api/open311/clients/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    @Test
    void anAdminRegistersAClientAndIsShownItsKeyOnce() {
        when(clients.issue(eq("City app"), isNull(), any())).thenReturn(Mono.just(
                new Open311Clients.Client(CLIENT, "City app", true, NOW, KEY)));
        issue(ADMIN, Map.of("name", "City app")).expectStatus().isCreated().expectBody()
                .jsonPath("$.id").isEqualTo(CLIENT.toString())
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.apiKey").isEqualTo(KEY);
        ArgumentCaptor<CurrentUser> admin = ArgumentCaptor.forClass(CurrentUser.class);
        verify(clients).issue(eq("City app"), isNull(), admin.capture());
        assertThat(admin.getValue().subject()).isEqualTo("admin1");
        assertThat(admin.getValue().roles()).containsExactly("admin");
    }

    @Test
    void anAdminListsTheClientsAndRevokesOneAndAnUnknownOneIsNotFound() {
        when(clients.list()).thenReturn(Flux.just(new Open311Clients.Client(CLIENT, "City app", true, NOW, null)));
        web.get().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].name").isEqualTo("City app")
                .jsonPath("$[0].apiKey").doesNotExist();

        when(clients.revoke(eq(CLIENT), any())).thenReturn(Mono.empty());
        revoke(ADMIN, CLIENT.toString()).expectStatus().isNoContent().expectBody().isEmpty();
        UUID unknown = UUID.randomUUID();
        when(clients.revoke(eq(unknown), any())).thenReturn(Mono.error(
                new DomainException.NotFound("open311-client", unknown.toString())));
        revoke(ADMIN, unknown.toString()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.resource").isEqualTo("open311-client");

        ArgumentCaptor<CurrentUser> admin = ArgumentCaptor.forClass(CurrentUser.class);
        verify(clients).revoke(eq(CLIENT), admin.capture());
        assertThat(admin.getValue().subject()).isEqualTo("admin1");
    }

    @Test
    void nobodyButAnAdminManagesKeysAndNobodyWithoutAToken() {
        for (String token : new String[] {OPERATOR, XLT, CITIZEN}) {
            web.get().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
            issue(token, Map.of("name", "City app")).expectStatus().isForbidden();
            revoke(token, CLIENT.toString()).expectStatus().isForbidden();
        }
        web.get().uri("/api/open311/clients").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        web.delete().uri("/api/open311/clients/" + CLIENT).exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(clients);
    }

    @Test
    void aClientWithoutANameOrWithAnOverlongKeyIsA400NamingTheFieldAndNeverReachesTheKeyStore() {
        issue(ADMIN, Map.of("name", " ")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("name");
        issue(ADMIN, Map.of("name", "City app", "apiKey", "k".repeat(201))).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("apiKey");
        revoke(ADMIN, "city-app").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(clients);
    }
}
