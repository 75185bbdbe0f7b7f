package gov.envgov.complaint.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Duplicate proposals and linking with the real security rules and role mapping: only the hotline confirms
 * duplicates. The use cases are mocked; linking takes the real {@link Complaint#linkTo} step, so an invalid master
 * is refused as the real one is.
 */
@WebFluxTest(DuplicateController.class)
@Import(WebSliceSecurity.class)
class DuplicateControllerTest {

    static final String XLT_UNIT = "兴隆台区生态环境分局";
    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String XLT = TestTokens.unit("handler-xlt", XLT_UNIT, "complaint_handler");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    WebTestClient web;
    @MockitoBean
    DuplicateService duplicates;

    private Complaint master;
    private Complaint complaint;

    /** A complaint dispatched to the 兴隆台区 branch, and a second one of the same smoke filed an hour later. */
    @BeforeEach
    void aMasterBeingHandledAndALaterComplaintOfTheSameSmoke() {
        master = register("HB20260302-MASTER00", "citizen-2", NOW).dispatch(XLT_UNIT, NOW).complaint();
        complaint = register("HB20260302-ABCDEFGH", "citizen-1", NOW.plusSeconds(3600));
        when(duplicates.candidates(eq(complaint.id()), any())).thenReturn(Flux.just(new DuplicateCandidate(
                master.id(), master.trackingCode(), master.status(), 0.812, 140.0)));
        when(duplicates.link(eq(complaint.id()), any(), any())).thenAnswer(call -> {
            UUID masterId = call.getArgument(1);
            Mono<Complaint> found = masterId.equals(master.id()) ? Mono.just(master)
                    : masterId.equals(complaint.id()) ? Mono.just(complaint)
                    : Mono.error(new DomainException.NotFound("complaint", masterId.toString()));
            return found.map(chosen -> ComplaintResponse.from(complaint.linkTo(chosen, NOW).complaint(), null,
                    LocalDate.of(2026, 3, 2), null, null));
        });
    }

    private static Complaint register(String trackingCode, String filer, Instant at) {
        return Complaint.register(UUID.randomUUID(), trackingCode, filer, Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "化工厂夜间烟囱冒黑烟", "兴隆台区", null, null,
                        null), at, LocalDate.of(2026, 3, 23)).complaint();
    }

    private WebTestClient.ResponseSpec get(String token, UUID id) {
        return web.get().uri("/api/complaints/" + id + "/duplicates")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec link(String token, UUID id, Object body) {
        return web.post().uri("/api/complaints/" + id + "/duplicate-of")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void anOperatorSeesTheProposedMastersWithTheirSimilarityAndDistance() {
        get(OPERATOR, complaint.id()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(master.id().toString())
                .jsonPath("$[0].trackingCode").isEqualTo("HB20260302-MASTER00")
                .jsonPath("$[0].status").isEqualTo("DISPATCHED")
                .jsonPath("$[0].similarity").isEqualTo(0.812)
                .jsonPath("$[0].distanceMeters").isEqualTo(140.0);
        ArgumentCaptor<CurrentUser> operator = ArgumentCaptor.forClass(CurrentUser.class);
        verify(duplicates).candidates(eq(complaint.id()), operator.capture());
        assertThat(operator.getValue().subject()).isEqualTo("operator1");
    }

    @Test
    void anOperatorLinksAConfirmedDuplicateToItsMaster() {
        link(ADMIN, complaint.id(), Map.of("masterId", master.id())).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(complaint.id().toString())
                .jsonPath("$.status").isEqualTo(ComplaintStatus.LINKED.name());
        ArgumentCaptor<CurrentUser> admin = ArgumentCaptor.forClass(CurrentUser.class);
        verify(duplicates).link(eq(complaint.id()), eq(master.id()), admin.capture());
        assertThat(admin.getValue().roles()).containsExactly("admin");
    }

    @Test
    void handlersCitizensAndEnterprisesNeitherSeeProposalsNorLinkAndNobodyDoesWithoutAToken() {
        get(XLT, complaint.id()).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        get(CITIZEN, complaint.id()).expectStatus().isForbidden();
        get(ENTERPRISE, complaint.id()).expectStatus().isForbidden();
        link(XLT, complaint.id(), Map.of("masterId", master.id())).expectStatus().isForbidden();
        link(CITIZEN, complaint.id(), Map.of("masterId", master.id())).expectStatus().isForbidden();
        web.get().uri("/api/complaints/" + complaint.id() + "/duplicates").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        web.post().uri("/api/complaints/" + complaint.id() + "/duplicate-of").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("masterId", master.id())).exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(duplicates);
    }

    @Test
    void aComplaintCannotBeItsOwnMasterA422NamingTheMaster() {
        link(OPERATOR, complaint.id(), Map.of("masterId", complaint.id())).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-master")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("masterId");
    }

    @Test
    void anUnknownComplaintOrMasterIsNotFound() {
        UUID unknown = UUID.randomUUID();
        when(duplicates.candidates(eq(unknown), any())).thenReturn(Flux.error(
                new DomainException.NotFound("complaint", unknown.toString())));
        get(OPERATOR, unknown).expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.resource").isEqualTo("complaint");
        link(OPERATOR, complaint.id(), Map.of("masterId", unknown)).expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.detail").isEqualTo("complaint " + unknown + " does not exist");
    }

    @Test
    void aMissingOrMalformedMasterIsA400AndNeverReachesTheUseCase() {
        link(OPERATOR, complaint.id(), Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("masterId");
        link(OPERATOR, complaint.id(), Map.of("masterId", "HB20260302-MASTER00")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        web.get().uri("/api/complaints/not-a-uuid/duplicates").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(duplicates);
    }
}
