package gov.envgov.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
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
import gov.envgov.complaint.complaint.ComplaintAccess;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;

/**
 * The clock of a complaint with the real security rules and role mapping: the unit pauses and resumes it, an
 * operator approves an extension. The use cases are mocked; they find the complaint with the real
 * {@link ComplaintAccess} rule and take the real steps of {@link Complaint}, so refusals are the real ones.
 */
@WebFluxTest(SlaController.class)
@Import(WebSliceSecurity.class)
class SlaControllerTest {

    static final String XLT_UNIT = "兴隆台区生态环境分局";
    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", XLT_UNIT, "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate DUE = LocalDate.of(2026, 3, 23);
    static final LocalDate LATEST_EXTENSION = LocalDate.of(2026, 4, 14);

    @Autowired
    WebTestClient web;
    @MockitoBean
    SlaService sla;

    private Complaint complaint;

    /** A complaint of citizen-1's that the 兴隆台区 branch accepted; its clock runs until 23 March. */
    @BeforeEach
    void aComplaintAcceptedByTheXinglongtaiBranch() {
        complaint = Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", null, null,
                        null), NOW, DUE).complaint().dispatch(XLT_UNIT, NOW).complaint().accept(XLT_UNIT, NOW)
                .complaint();
        when(sla.pause(eq(complaint.id()), any())).thenAnswer(call -> {
            CurrentUser handler = call.getArgument(1);
            return visibleTo(handler).map(found -> response(
                    found.pause(ComplaintAccess.requireUnit(handler), TODAY, NOW).complaint()));
        });
        when(sla.resume(eq(complaint.id()), any())).thenAnswer(call -> {
            CurrentUser handler = call.getArgument(1);
            return visibleTo(handler).map(found -> response(
                    found.resume(ComplaintAccess.requireUnit(handler), DUE.plusDays(1), NOW).complaint()));
        });
        when(sla.extend(eq(complaint.id()), any(), any(), any())).thenAnswer(call -> {
            LocalDate dueDate = call.getArgument(1);
            String reason = call.getArgument(2);
            return visibleTo(call.getArgument(3)).map(found -> response(
                    found.extend(dueDate, reason, TODAY, LATEST_EXTENSION, NOW).complaint()));
        });
    }

    /** What the use cases do first: the complaint if this caller may see it, else not found. */
    private Mono<Complaint> visibleTo(CurrentUser reader) {
        return ComplaintAccess.mayRead(complaint, reader) ? Mono.just(complaint)
                : Mono.error(new DomainException.NotFound("complaint", complaint.id().toString()));
    }

    private static ComplaintResponse response(Complaint next) {
        return ComplaintResponse.from(next, null, TODAY, null, null);
    }

    private WebTestClient.ResponseSpec post(String token, String step, Object body) {
        return web.post().uri("/api/complaints/" + complaint.id() + "/" + step)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> extension(String dueDate) {
        return Map.of("dueDate", dueDate, "reason", "需委托第三方监测，结果十个工作日后出具");
    }

    @Test
    void theHandlingUnitPausesAndResumesTheClockAndAnotherUnitsHandlerGetsNotFound() {
        post(XLT, "pause", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.sla.pausedSince").isEqualTo("2026-03-02")
                .jsonPath("$.dueDate").isEqualTo("2026-03-23");
        complaint = complaint.pause(XLT_UNIT, TODAY, NOW).complaint();
        post(XLT, "resume", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.sla.pausedSince").doesNotExist()
                .jsonPath("$.dueDate").isEqualTo("2026-03-24");
        post(DW, "pause", Map.of()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.resource").isEqualTo("complaint");
        post(DW, "resume", Map.of()).expectStatus().isNotFound();

        ArgumentCaptor<CurrentUser> handlers = ArgumentCaptor.forClass(CurrentUser.class);
        verify(sla, times(2)).pause(eq(complaint.id()), handlers.capture());
        assertThat(handlers.getAllValues()).extracting(CurrentUser::department)
                .containsExactly(XLT_UNIT, "大洼区生态环境分局");
    }

    @Test
    void onlyHandlersPauseAndResumeAndOnlyOperatorsApproveAnExtension() {
        post(OPERATOR, "pause", Map.of()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        post(CITIZEN, "resume", Map.of()).expectStatus().isForbidden();
        post(XLT, "extension", extension("2026-04-07")).expectStatus().isForbidden();
        post(CITIZEN, "extension", extension("2026-04-07")).expectStatus().isForbidden();
        web.post().uri("/api/complaints/" + complaint.id() + "/pause").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        web.post().uri("/api/complaints/" + complaint.id() + "/extension").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(extension("2026-04-07")).exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(sla);
    }

    @Test
    void anOperatorApprovesAnExtensionWithItsDueDateAndReason() {
        post(OPERATOR, "extension", extension("2026-04-07")).expectStatus().isOk().expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-04-07")
                .jsonPath("$.sla.extensionReason").isEqualTo("需委托第三方监测，结果十个工作日后出具");
        ArgumentCaptor<CurrentUser> approver = ArgumentCaptor.forClass(CurrentUser.class);
        verify(sla).extend(eq(complaint.id()), eq(LocalDate.of(2026, 4, 7)), eq("需委托第三方监测，结果十个工作日后出具"),
                approver.capture());
        assertThat(approver.getValue().subject()).isEqualTo("operator1");
        assertThat(approver.getValue().roles()).containsExactly("hotline_operator");
    }

    @Test
    void anExtensionBeyondTheCeilingIsA422NamingTheDueDate() {
        post(OPERATOR, "extension", extension("2026-05-04")).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-out-of-range")
                .jsonPath("$.detail")
                .isEqualTo("the new due date must be after 2026-03-23 and no later than 2026-04-14")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("dueDate");
    }

    @Test
    void pausingAPausedClockIsA409() {
        complaint = complaint.pause(XLT_UNIT, TODAY, NOW).complaint();
        post(XLT, "pause", Map.of()).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:already-paused")
                .jsonPath("$.detail").isEqualTo("the clock of HB20260302-ABCDEFGH is paused");
    }

    @Test
    void anExtensionWithoutItsDueDateOrReasonIsA400NamingTheFieldsAndNeverReachesTheUseCase() {
        post(OPERATOR, "extension", Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[*].field").value(Object.class, fields -> assertThat(fields)
                        .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("dueDate", "reason"));
        post(OPERATOR, "extension", Map.of("dueDate", "2026-04-07", "reason", " ")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        post(OPERATOR, "extension", extension("in two weeks")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        web.post().uri("/api/complaints/not-a-uuid/pause").header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(sla);
    }
}
