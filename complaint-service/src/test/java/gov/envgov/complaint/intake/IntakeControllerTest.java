package gov.envgov.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.photo.PhotoProperties;
import gov.envgov.complaint.photo.Photos;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;

/**
 * Filing and public tracking with the real security rules and role mapping. The intake use cases are mocked; the
 * filing mock decides the channel with the real {@link IntakePolicy}, so a refusal is the real one.
 */
@WebFluxTest({IntakeController.class, PublicComplaintController.class})
@Import({WebSliceSecurity.class, IntakeControllerTest.PhotoLimits.class})
class IntakeControllerTest {

    /** The photo limits bound from the service's configuration, as in the application. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PhotoProperties.class)
    static class PhotoLimits {
    }

    @MockitoBean
    Photos photos;

    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final IntakePolicy POLICY = new IntakePolicy(Map.of(ComplaintType.CONSULTATION, 2, ComplaintType.HELP, 10,
            ComplaintType.COMPLAINT, 15, ComplaintType.EMERGENCY, 15), 60, Set.of("兴隆台区"),
            new WorkingDayCalendar(HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml"))));
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    WebTestClient web;
    @MockitoBean
    IntakeService intake;

    @BeforeEach
    void filingDecidesTheChannelByTheRealPolicy() {
        when(intake.file(any(), any())).thenAnswer(call -> {
            FileComplaintRequest request = call.getArgument(0);
            CurrentUser filer = call.getArgument(1);
            return Mono.fromCallable(() -> POLICY.channelFor(request.channel(), filer))
                    .map(channel -> registered(request, filer, channel));
        });
    }

    private static ComplaintResponse registered(FileComplaintRequest request, CurrentUser filer, Channel channel) {
        Complaint complaint = Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", filer.subject(), channel,
                request.facts(), NOW, LocalDate.of(2026, 3, 23)).complaint();
        return ComplaintResponse.from(complaint, null, LocalDate.of(2026, 3, 2), request.complainant(), null);
    }

    private static Map<String, Object> smoke() {
        return new HashMap<>(Map.of("category", "AIR", "description", "夜间烟囱冒黑烟，气味刺鼻", "district", "兴隆台区"));
    }

    private WebTestClient.ResponseSpec file(String token, Object body) {
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aCitizenFilesAndIsToldWhereTheComplaintLives() {
        ComplaintResponse created = file(CITIZEN, smoke()).expectStatus().isCreated()
                .expectBody(ComplaintResponse.class).returnResult().getResponseBody();
        assertThat(created.channel()).isEqualTo(Channel.WEB);
        web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(smoke()).exchange()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .matches("/api/complaints/[0-9a-f-]{36}"));

        ArgumentCaptor<FileComplaintRequest> request = ArgumentCaptor.forClass(FileComplaintRequest.class);
        ArgumentCaptor<CurrentUser> filer = ArgumentCaptor.forClass(CurrentUser.class);
        verify(intake, times(2)).file(request.capture(), filer.capture());
        assertThat(request.getValue().category()).isEqualTo(Category.AIR);
        assertThat(filer.getValue().subject()).isEqualTo("citizen-1");
        assertThat(filer.getValue().roles()).containsExactly("citizen");
    }

    @Test
    void aCitizensLetterIsA422NamingTheChannelAndAnOperatorsIsRegistered() {
        Map<String, Object> letter = smoke();
        letter.put("channel", "LETTER");
        file(CITIZEN, letter).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:channel-not-allowed")
                .jsonPath("$.errors[0].field").isEqualTo("channel");
        file(OPERATOR, letter).expectStatus().isCreated().expectBody().jsonPath("$.channel").isEqualTo("LETTER");
    }

    @Test
    void enterprisesAndHandlersCannotFileAndNobodyFilesWithoutAToken() {
        file(ENTERPRISE, smoke()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        file(XLT, smoke()).expectStatus().isForbidden();
        web.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(smoke()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        verifyNoInteractions(intake);
    }

    @Test
    void badInputIsA400ProblemAndNeverReachesIntake() {
        Map<String, Object> unknownCategory = smoke();
        unknownCategory.put("category", "SMELLS");
        file(CITIZEN, unknownCategory).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> blank = smoke();
        blank.put("description", "");
        blank.put("district", "");
        file(CITIZEN, blank).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(3);
        Map<String, Object> badCode = smoke();
        badCode.put("enterpriseCode", "91211103MA0GA0001X");
        file(CITIZEN, badCode).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("enterpriseCode");
        file(CITIZEN, "{\"category\": \"AIR\",").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(intake);
    }

    @Test
    void anyoneMayFileAnonymouslyAndGetsTheSecretOnce() {
        when(intake.fileAnonymously(any())).thenReturn(Mono.just(new AnonymousReceipt("HB20260302-ABCDEFGH",
                "SECRET2345SECRET2345", ComplaintStatus.REGISTERED, LocalDate.of(2026, 3, 23))));
        web.post().uri("/api/public/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(smoke())
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.trackingCode").isEqualTo("HB20260302-ABCDEFGH")
                .jsonPath("$.secret").isEqualTo("SECRET2345SECRET2345");
        Map<String, Object> blank = smoke();
        blank.put("description", "");
        web.post().uri("/api/public/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(blank)
                .exchange().expectStatus().isBadRequest();
        verify(intake).fileAnonymously(any());
    }

    @Test
    void trackingNeedsTheSecretAndAnythingElseIsNotFound() {
        PublicComplaintView view = new PublicComplaintView("HB20260302-ABCDEFGH", ComplaintType.COMPLAINT,
                Category.AIR, "兴隆台区", ComplaintStatus.REGISTERED, NOW, LocalDate.of(2026, 3, 23), null, null);
        when(intake.track(eq("HB20260302-ABCDEFGH"), eq("SECRET2345SECRET2345"))).thenReturn(Mono.just(view));
        when(intake.track(eq("HB20260302-ABCDEFGH"), isNull())).thenReturn(Mono.error(
                new DomainException.NotFound("complaint", "HB20260302-ABCDEFGH")));

        web.get().uri("/api/public/complaints/HB20260302-ABCDEFGH").header("X-Tracking-Secret", "SECRET2345SECRET2345")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.description").doesNotExist();
        web.get().uri("/api/public/complaints/HB20260302-ABCDEFGH").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        verify(intake).track("HB20260302-ABCDEFGH", null);
    }
}
