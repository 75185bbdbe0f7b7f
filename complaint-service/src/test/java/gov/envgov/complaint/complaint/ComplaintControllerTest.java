package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
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
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import gov.envgov.support.web.PageRequest;
import reactor.core.publisher.Mono;

/**
 * The complaint endpoints with the real security rules and role mapping: who reaches which endpoint, the caller the
 * use cases are given, and the problem documents refusals become. The use cases are mocked; where they decide who
 * may see a complaint, the mock applies the real {@link ComplaintAccess} rule.
 */
@WebFluxTest(ComplaintController.class)
@Import(WebSliceSecurity.class)
class ComplaintControllerTest {

    static final String XLT_UNIT = "兴隆台区生态环境分局";
    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OTHER_CITIZEN = TestTokens.of("citizen-2", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", XLT_UNIT, "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    WebTestClient web;
    @MockitoBean
    ComplaintQueries queries;
    @MockitoBean
    ComplaintWorkflowService workflow;

    private Complaint complaint;

    /** A complaint of citizen-1's, dispatched to the 兴隆台区 branch. */
    @BeforeEach
    void aDispatchedComplaintOfTheFirstCitizen() {
        complaint = Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", null, null,
                        null), NOW, LocalDate.of(2026, 3, 23)).complaint().dispatch(XLT_UNIT, NOW).complaint();
        when(queries.find(eq(complaint.id()), any())).thenAnswer(call -> visibleTo(call.getArgument(1))
                .map(visible -> ComplaintResponse.from(visible, null, LocalDate.of(2026, 3, 2), null, null)));
        when(queries.revealComplainant(eq(complaint.id()), any())).thenAnswer(call -> visibleTo(call.getArgument(1))
                .thenReturn(new Complainant("张三丰", "13812345678", null)));
    }

    /** What the use cases do first: the complaint if this caller may see it, else not found. */
    private Mono<Complaint> visibleTo(CurrentUser reader) {
        return ComplaintAccess.mayRead(complaint, reader) ? Mono.just(complaint)
                : Mono.error(new DomainException.NotFound("complaint", complaint.id().toString()));
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String path(String rest) {
        return "/api/complaints/" + complaint.id() + rest;
    }

    @Test
    void theFilerReadsTheirComplaintAndAnotherCitizenGetsNotFound() {
        get(CITIZEN, path("")).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(complaint.id().toString())
                .jsonPath("$.handling.unit").isEqualTo(XLT_UNIT);
        get(OTHER_CITIZEN, path("")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.resource").isEqualTo("complaint");

        ArgumentCaptor<CurrentUser> readers = ArgumentCaptor.forClass(CurrentUser.class);
        verify(queries, times(2)).find(eq(complaint.id()), readers.capture());
        assertThat(readers.getAllValues()).extracting(CurrentUser::subject).containsExactly("citizen-1", "citizen-2");
        assertThat(readers.getAllValues()).allSatisfy(reader -> assertThat(reader.roles()).containsExactly("citizen"));
    }

    @Test
    void aHandlerSeesWhatIsDispatchedToTheirUnitOnlyAndOperatorsSeeAll() {
        get(XLT, path("")).expectStatus().isOk();
        get(DW, path("")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        get(OPERATOR, path("")).expectStatus().isOk();
    }

    @Test
    void anEnterpriseIsForbiddenToReadComplaintsOrTheirComplainantAndNeverReachesTheUseCases() {
        get(ENTERPRISE, path("")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        get(ENTERPRISE, "/api/complaints").expectStatus().isForbidden();
        post(ENTERPRISE, path("/complainant/reveal"), Map.of()).expectStatus().isForbidden();
        verifyNoInteractions(queries, workflow);
    }

    @Test
    void withoutATokenEveryComplaintEndpointIsUnauthorized() {
        web.get().uri(path("")).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        web.post().uri(path("/accept")).exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(queries, workflow);
    }

    @Test
    void theComplainantIsRevealedToStaffWhoMaySeeTheComplaintOnly() {
        post(OPERATOR, path("/complainant/reveal"), Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.phone").isEqualTo("13812345678");
        post(XLT, path("/complainant/reveal"), Map.of()).expectStatus().isOk();
        post(DW, path("/complainant/reveal"), Map.of()).expectStatus().isNotFound();
        post(CITIZEN, path("/complainant/reveal"), Map.of()).expectStatus().isForbidden();
    }

    @Test
    void queuesAreForStaffAndAHandlerWorksTheQueueOfTheUnitTheirTokenNames() {
        get(CITIZEN, "/api/complaints/queue").expectStatus().isForbidden();
        when(queries.queue(any(), any(), any()))
                .thenReturn(Mono.just(new QueuePage(List.of(), 0, 50, 0, true, null)));
        get(XLT, "/api/complaints/queue?size=50&status=HANDLING&district=兴隆台区&after=abc").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.totalExact").isEqualTo(true);
        ArgumentCaptor<CurrentUser> worker = ArgumentCaptor.forClass(CurrentUser.class);
        ArgumentCaptor<QueueFilter> filter = ArgumentCaptor.forClass(QueueFilter.class);
        ArgumentCaptor<PageRequest> page = ArgumentCaptor.forClass(PageRequest.class);
        verify(queries).queue(worker.capture(), filter.capture(), page.capture());
        assertThat(worker.getValue().department()).isEqualTo(XLT_UNIT);
        assertThat(filter.getValue()).isEqualTo(new QueueFilter(ComplaintStatus.HANDLING, "兴隆台区", "abc"));
        assertThat(page.getValue().size()).isEqualTo(50);
    }

    @Test
    void onlyHandlersTakeTheUnitsStepsAndOnlyOperatorsFollowUpAndClose() {
        post(OPERATOR, path("/accept"), Map.of()).expectStatus().isForbidden();
        post(CITIZEN, path("/reply"), Map.of("text", "已处理")).expectStatus().isForbidden();
        post(XLT, path("/close"), Map.of()).expectStatus().isForbidden();
        post(XLT, path("/follow-up"), Map.of("satisfaction", "SATISFIED", "solved", true)).expectStatus()
                .isForbidden();
        verifyNoInteractions(workflow);

        when(workflow.accept(eq(complaint.id()), any())).thenReturn(Mono.just(ComplaintResponse.from(
                complaint.accept(XLT_UNIT, NOW).complaint(), null, LocalDate.of(2026, 3, 2), null, null)));
        post(XLT, path("/accept"), Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED");
        ArgumentCaptor<CurrentUser> handler = ArgumentCaptor.forClass(CurrentUser.class);
        verify(workflow).accept(eq(complaint.id()), handler.capture());
        assertThat(handler.getValue().department()).isEqualTo(XLT_UNIT);
    }

    @Test
    void aRuleViolationIsA422NamingTheField() {
        when(workflow.followUp(eq(complaint.id()), any(), anyBoolean(), anyBoolean(), any())).thenReturn(Mono.error(
                new DomainException.RuleViolation("reopen-solved", "reopen",
                        "a complaint whose problem was solved is not handled again")));
        post(OPERATOR, path("/follow-up"), Map.of("satisfaction", "SATISFIED", "solved", true, "reopen", true))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:reopen-solved")
                .jsonPath("$.errors[0].field").isEqualTo("reopen")
                .jsonPath("$.errors.length()").isEqualTo(1);
        verify(workflow).followUp(eq(complaint.id()), eq(Satisfaction.SATISFIED), eq(true), eq(true), any());
    }

    @Test
    void aStepOutOfOrderIsA409WithItsStableType() {
        when(workflow.close(eq(complaint.id()), any())).thenReturn(Mono.error(new DomainException.Conflict(
                "invalid-transition", "cannot close complaint HB20260302-ABCDEFGH while it is DISPATCHED")));
        post(OPERATOR, path("/close"), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-transition");
    }

    @Test
    void malformedInputIsA400AndNeverReachesTheUseCases() {
        get(CITIZEN, "/api/complaints/not-a-uuid").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(XLT, path("/reply"), Map.of("text", "")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("text");
        post(OPERATOR, path("/follow-up"), Map.of("satisfaction", "DELIGHTED", "solved", true)).expectStatus()
                .isBadRequest();
        web.post().uri(path("/return")).header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(workflow);
    }
}
