package gov.envgov.complaint.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.complaint.platform.FixedBureauTime;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;

/**
 * Complaint statistics with the real security rules and role mapping: the full report for staff, the anonymised one
 * for anyone, the period defaulting to the year up to today in bureau time (fixed at 2 March 2026). The reports are
 * mocked.
 */
@WebFluxTest(StatisticsController.class)
@Import({WebSliceSecurity.class, FixedBureauTime.class})
class StatisticsControllerTest {

    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    WebTestClient web;
    @MockitoBean
    ComplaintStatistics statistics;

    @BeforeEach
    void reportsOfTheRequestedPeriod() {
        when(statistics.staff(any(), any())).thenAnswer(call -> Mono.just(report(call.getArgument(0),
                call.getArgument(1), Map.of("AIR", 3L, "NOISE", 2L), 0)));
        Map<String, Long> suppressedCells = new LinkedHashMap<>();
        suppressedCells.put("AIR", 12L);
        suppressedCells.put("NOISE", null);
        suppressedCells.put("WATER", null);
        when(statistics.anonymised(any(), any())).thenAnswer(call -> Mono.just(new ComplaintStatistics.Report(
                call.getArgument(0), call.getArgument(1), 16L, suppressedCells, Map.of("兴隆台区", 16L),
                Map.of("2026-03", 16L), 12L, 10L, 0.833, Map.of("SATISFIED", 8L), null, 9L, 3,
                List.of("byCategory.NOISE", "byCategory.WATER", "solved"), "null is a suppressed cell, not zero")));
    }

    private static ComplaintStatistics.Report report(LocalDate from, LocalDate to, Map<String, Long> byCategory,
                                                     int suppressed) {
        return new ComplaintStatistics.Report(from, to, 5L, byCategory, Map.of("兴隆台区", 5L),
                Map.of("2026-03", 5L), 4L, 3L, 0.75, Map.of("SATISFIED", 2L), 2L, 2L, suppressed, List.of(), null);
    }

    private WebTestClient.ResponseSpec get(String token, String query) {
        return web.get().uri("/api/complaints/statistics" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    @Test
    void staffGetTheFullReportOfTheYearUpToTodayByDefault() {
        get(OPERATOR, "").expectStatus().isOk().expectBody()
                .jsonPath("$.from").isEqualTo("2025-03-02")
                .jsonPath("$.to").isEqualTo("2026-03-02")
                .jsonPath("$.byCategory.NOISE").isEqualTo(2)
                .jsonPath("$.onTimeRate").isEqualTo(0.75)
                .jsonPath("$.suppressed").isEqualTo(0);
        get(XLT, "?from=2026-01-01&to=2026-02-28").expectStatus().isOk().expectBody()
                .jsonPath("$.from").isEqualTo("2026-01-01");
        verify(statistics).staff(TODAY.minusYears(1), TODAY);
        verify(statistics).staff(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28));
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName("CMP-STATS-SUPPRESSION: a suppressed cell is written as null, in maps too, with the note")
    void anyoneGetsTheAnonymisedReportWithoutAToken() {
        web.get().uri("/api/public/complaints/statistics?from=2026-01-01").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2026-01-01")
                .jsonPath("$.to").isEqualTo("2026-03-02")
                .jsonPath("$.byCategory").value(cells -> assertThat((Map<String, Object>) cells)
                        .containsEntry("AIR", 12).containsEntry("NOISE", null).containsKey("WATER"))
                .jsonPath("$.solved").value(solved -> assertThat(solved).isNull())
                .jsonPath("$.suppressedCells[2]").isEqualTo("solved")
                .jsonPath("$.note").isEqualTo("null is a suppressed cell, not zero")
                .jsonPath("$.suppressed").isEqualTo(3);
        verify(statistics).anonymised(LocalDate.of(2026, 1, 1), TODAY);
    }

    @Test
    void citizensAndEnterprisesAreForbiddenTheStaffReportAndNobodyGetsItWithoutAToken() {
        get(CITIZEN, "").expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        get(ENTERPRISE, "").expectStatus().isForbidden();
        web.get().uri("/api/complaints/statistics").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        verifyNoInteractions(statistics);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsA422NamingFrom() {
        get(OPERATOR, "?from=2026-03-01&to=2026-02-01").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-period")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("from");
        web.get().uri("/api/public/complaints/statistics?from=2026-03-03").exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-period")
                .jsonPath("$.errors[0].field").isEqualTo("from");
        verifyNoInteractions(statistics);
    }

    @Test
    void aDateThatIsNoIsoDateIsA400() {
        get(OPERATOR, "?from=01.01.2026").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        web.get().uri("/api/public/complaints/statistics?to=last-month").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(statistics);
    }
}
