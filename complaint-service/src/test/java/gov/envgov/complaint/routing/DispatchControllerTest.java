package gov.envgov.complaint.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;

/**
 * Dispatch (转办) with the real security rules and role mapping: who may dispatch, the unit and caller the use case
 * is given, and the problem documents refusals become. The use case is mocked; it dispatches with the real
 * {@link Complaint#dispatch} step, so a complaint out of order is refused as the real one is.
 */
@WebFluxTest(DispatchController.class)
@Import(WebSliceSecurity.class)
class DispatchControllerTest {

    static final String XLT_UNIT = "兴隆台区生态环境分局";
    static final String ROUTED_UNIT = "盘锦市生态环境局";
    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String XLT = TestTokens.unit("handler-xlt", XLT_UNIT, "complaint_handler");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    WebTestClient web;
    @MockitoBean
    DispatchService dispatch;

    private Complaint complaint;

    /** A complaint of citizen-1's waiting for dispatch; without a unit named, the routing rules pick the city's. */
    @BeforeEach
    void aRegisteredComplaint() {
        complaint = Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", null, null,
                        null), NOW, LocalDate.of(2026, 3, 23)).complaint();
        when(dispatch.dispatch(eq(complaint.id()), any(), anyBoolean(), any())).thenAnswer(call -> {
            String unit = call.getArgument(1);
            boolean override = call.getArgument(2);
            return Mono.fromCallable(() -> complaint.dispatch(unit == null ? ROUTED_UNIT : unit, override, NOW)
                            .complaint())
                    .map(dispatched -> ComplaintResponse.from(dispatched, null, LocalDate.of(2026, 3, 2), null, null));
        });
    }

    private WebTestClient.ResponseSpec post(String token, UUID id, Object body) {
        return web.post().uri("/api/complaints/" + id + "/dispatch")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void anOperatorDispatchesToTheUnitTheyNameOrToTheOneTheRoutingRulesPick() {
        post(OPERATOR, complaint.id(), Map.of("unit", XLT_UNIT)).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(complaint.id().toString())
                .jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.handling.unit").isEqualTo(XLT_UNIT);
        post(ADMIN, complaint.id(), Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.handling.unit").isEqualTo(ROUTED_UNIT);

        ArgumentCaptor<CurrentUser> operators = ArgumentCaptor.forClass(CurrentUser.class);
        verify(dispatch).dispatch(eq(complaint.id()), eq(XLT_UNIT), eq(false), any());
        verify(dispatch).dispatch(eq(complaint.id()), isNull(), eq(false), any());
        verify(dispatch, times(2)).dispatch(eq(complaint.id()), any(), anyBoolean(), operators.capture());
        assertThat(operators.getAllValues()).extracting(CurrentUser::subject).containsExactly("operator1", "admin1");
    }

    @Test
    void handlersCitizensAndEnterprisesAreForbiddenToDispatchAndNobodyDispatchesWithoutAToken() {
        post(XLT, complaint.id(), Map.of("unit", XLT_UNIT)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        post(CITIZEN, complaint.id(), Map.of()).expectStatus().isForbidden();
        post(ENTERPRISE, complaint.id(), Map.of()).expectStatus().isForbidden();
        web.post().uri("/api/complaints/" + complaint.id() + "/dispatch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        verifyNoInteractions(dispatch);
    }

    @Test
    void aUnitThatIsNoHandlingUnitIsA422NamingTheUnit() {
        when(dispatch.dispatch(eq(complaint.id()), eq("物业公司"), anyBoolean(), any())).thenReturn(Mono.error(
                new DomainException.RuleViolation("unknown-unit", "unit", "'物业公司' is not a handling unit")));
        post(OPERATOR, complaint.id(), Map.of("unit", "物业公司")).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:unknown-unit")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("unit");
    }

    @Test
    @DisplayName("CMP-REDISPATCH-NOT-RETURNER: back to the unit that just returned it is a 409 naming the unit")
    void cmpRedispatchNotReturnerIsA409NamingTheUnitUnlessOverridden() {
        complaint = complaint.dispatch(XLT_UNIT, NOW).complaint().returnToDispatch(XLT_UNIT, "不属于本辖区", NOW)
                .complaint();
        post(OPERATOR, complaint.id(), Map.of("unit", XLT_UNIT)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:returned-by-unit")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(XLT_UNIT)
                        .contains("不属于本辖区").contains("override"));
        post(OPERATOR, complaint.id(), Map.of("unit", XLT_UNIT, "override", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.handling.unit").isEqualTo(XLT_UNIT)
                .jsonPath("$.handling.returnReason").isEqualTo("不属于本辖区")
                .jsonPath("$.handling.returnedBy").isEqualTo(XLT_UNIT);
        verify(dispatch).dispatch(eq(complaint.id()), eq(XLT_UNIT), eq(true), any());
    }

    @Test
    void aComplaintDispatchedAlreadyIsA409AndAnUnknownOneIsNotFound() {
        complaint = complaint.dispatch(XLT_UNIT, NOW).complaint();
        post(OPERATOR, complaint.id(), Map.of("unit", XLT_UNIT)).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-transition")
                .jsonPath("$.detail").isEqualTo("cannot dispatch complaint HB20260302-ABCDEFGH while it is DISPATCHED");

        UUID unknown = UUID.randomUUID();
        when(dispatch.dispatch(eq(unknown), any(), anyBoolean(), any())).thenReturn(Mono.error(
                new DomainException.NotFound("complaint", unknown.toString())));
        post(OPERATOR, unknown, Map.of()).expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.resource").isEqualTo("complaint");
    }

    @Test
    void malformedInputIsA400AndNeverReachesTheUseCase() {
        post(OPERATOR, complaint.id(), Map.of("unit", "局".repeat(101))).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("unit");
        web.post().uri("/api/complaints/not-a-uuid/dispatch").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        post(OPERATOR, complaint.id(), "{\"unit\": ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        web.post().uri("/api/complaints/" + complaint.id() + "/dispatch")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(dispatch);
    }
}
