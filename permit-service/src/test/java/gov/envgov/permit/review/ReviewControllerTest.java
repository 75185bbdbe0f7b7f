package gov.envgov.permit.review;

import static gov.envgov.permit.testing.PermitApi.CITIZEN;
import static gov.envgov.permit.testing.PermitApi.ENT_A;
import static gov.envgov.permit.testing.PermitApi.INSPECTOR;
import static gov.envgov.permit.testing.PermitApi.OWNER_A;
import static gov.envgov.permit.testing.PermitApi.REVIEWER;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
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

import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.permit.platform.PermitWebSlice;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.permit.testing.PermitFixtures;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** An application's way to a decision over HTTP: the real security rules and problem shapes, services mocked. */
@WebFluxTest(ReviewController.class)
@Import(PermitWebSlice.class)
class ReviewControllerTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    @Autowired
    WebTestClient web;

    @MockitoBean
    ApplicationService applications;

    @MockitoBean
    ReviewService reviews;

    PermitApi api;

    @BeforeEach
    void setUp() {
        api = new PermitApi(web);
    }

    @Test
    void aReviewerAcceptsAndTheServiceLearnsWhoFromTheToken() {
        when(reviews.accept(eq(ID), any())).thenReturn(Mono.just(
                PermitFixtures.application(ID, ENT_A, PermitStatus.ACCEPTED)));
        api.post(REVIEWER, "/api/permits/" + ID + "/accept", null).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(ID.toString())
                .jsonPath("$.status").isEqualTo("ACCEPTED");
        ArgumentCaptor<CurrentUser> actor = ArgumentCaptor.forClass(CurrentUser.class);
        verify(reviews).accept(eq(ID), actor.capture());
        assertThat(actor.getValue().username()).isEqualTo("reviewer1");
        assertThat(actor.getValue().roles()).isEqualTo(Set.of("permit_reviewer"));
    }

    @Test
    void aCitizenCannotReview() {
        for (String step : new String[] {"accept", "site-check", "issue"}) {
            api.post(CITIZEN, "/api/permits/" + ID + "/" + step, null).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        }
        api.post(CITIZEN, "/api/permits/" + ID + "/reject", Map.of("reason", "x")).expectStatus().isForbidden();
        api.post(CITIZEN, "/api/permits/" + ID + "/supplement-request", Map.of("request", "x"))
                .expectStatus().isForbidden();
        api.get(CITIZEN, "/api/permits/review-queue").expectStatus().isForbidden();
        verifyNoInteractions(reviews);
    }

    @Test
    void theApplicantAndOtherStaffCannotDecide() {
        api.post(OWNER_A, "/api/permits/" + ID + "/accept", null).expectStatus().isForbidden();
        api.post(OWNER_A, "/api/permits/" + ID + "/issue", null).expectStatus().isForbidden();
        api.post(INSPECTOR, "/api/permits/" + ID + "/issue", null).expectStatus().isForbidden();
        api.get(OWNER_A, "/api/permits/review-queue").expectStatus().isForbidden();
        verifyNoInteractions(reviews);
    }

    @Test
    void onlyAnEnterpriseAppliesAndSubmits() {
        Map<String, Object> application = Map.of("enterpriseCode", ENT_A, "content", content(50, 12.0));
        api.post(REVIEWER, "/api/permits", application).expectStatus().isForbidden();
        api.post(REVIEWER, "/api/permits/" + ID + "/submit", null).expectStatus().isForbidden();
        verifyNoInteractions(applications);
        when(applications.apply(any(), any())).thenReturn(Mono.just(
                PermitFixtures.application(ID, ENT_A, PermitStatus.DRAFT)));
        api.post(OWNER_A, "/api/permits", application).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/permits/" + ID)
                .expectBody().jsonPath("$.status").isEqualTo("DRAFT");
    }

    @Test
    void aRuleTheApplicationBreaksIsA422NamingTheField() {
        when(applications.apply(any(), any())).thenReturn(Mono.error(new DomainException.RuleViolation(
                "registration-only", "enterpriseCode", "a registration-only unit files a registration form")));
        api.post(OWNER_A, "/api/permits", Map.of("enterpriseCode", ENT_A, "content", content(50, 12.0)))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:registration-only")
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.detail").isEqualTo("a registration-only unit files a registration form")
                .jsonPath("$.errors[0].field").isEqualTo("enterpriseCode")
                .jsonPath("$.instance").isEqualTo("/api/permits");
    }

    @Test
    void aMissingFieldIsAValidationProblemNamingIt() {
        api.post(OWNER_A, "/api/permits", Map.of("enterpriseCode", ENT_A)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("content");
        api.post(REVIEWER, "/api/permits/" + ID + "/reject", Map.of("reason", "")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        verifyNoInteractions(applications, reviews);
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        web.post().uri("/api/permits").header(HttpHeaders.AUTHORIZATION, "Bearer " + OWNER_A)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"enterpriseCode\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        verifyNoInteractions(applications);
    }

    @Test
    void aTransitionFromTheWrongStateIsAConflict() {
        String detail = "cannot issue permit " + ID + " while it is SUBMITTED; accept it first (POST /api/permits/"
                + ID + "/accept)";
        when(reviews.issue(eq(ID), any(), any())).thenReturn(Mono.error(new DomainException.Conflict(
                "invalid-transition", detail, new DomainException.Blocker("permit", ID, "SUBMITTED"), "accept")));
        api.post(REVIEWER, "/api/permits/" + ID + "/issue", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-transition")
                .jsonPath("$.detail").isEqualTo(detail)
                .jsonPath("$.blockedBy.id").isEqualTo(ID.toString())
                .jsonPath("$.blockedBy.status").isEqualTo("SUBMITTED")
                .jsonPath("$.requiredStep").isEqualTo("accept");
    }

    @Test
    void theReviewQueueIsAPageOfApplicationsWithTheirDecisionClock() {
        when(reviews.reviewQueue(eq("兴隆台区"), any())).thenAnswer(call -> {
            PageRequest page = call.getArgument(1);
            return Mono.just(new PageResponse<>(java.util.List.of(
                    PermitFixtures.application(ID, ENT_A, PermitStatus.SUBMITTED)), page.page(), page.size(), 1));
        });
        api.get(REVIEWER, "/api/permits/review-queue?district=兴隆台区&size=5").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(ID.toString())
                .jsonPath("$.items[0].overdue").isEqualTo(false)
                .jsonPath("$.size").isEqualTo(5)
                .jsonPath("$.total").isEqualTo(1);
    }
}
