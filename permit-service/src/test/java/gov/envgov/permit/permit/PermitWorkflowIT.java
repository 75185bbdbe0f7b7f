package gov.envgov.permit.permit;

import static gov.envgov.permit.testing.PermitApi.ADMIN;
import static gov.envgov.permit.testing.PermitApi.CITIZEN;
import static gov.envgov.permit.testing.PermitApi.ENT_A;
import static gov.envgov.permit.testing.PermitApi.ENT_C;
import static gov.envgov.permit.testing.PermitApi.INSPECTOR;
import static gov.envgov.permit.testing.PermitApi.OWNER_A;
import static gov.envgov.permit.testing.PermitApi.OWNER_B;
import static gov.envgov.permit.testing.PermitApi.OWNER_C;
import static gov.envgov.permit.testing.PermitApi.REVIEWER;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.permit.lifecycle.ExpiryService;
import gov.envgov.permit.review.ReviewService;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The permit's life through the HTTP API, against a real PostgreSQL and the real holiday calendar. */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false", "envgov.permit.clock-batch-size=2"})
@Import(MutableClock.Config.class)
class PermitWorkflowIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit_workflow").register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    ReviewService review;

    @Autowired
    ExpiryService expiry;

    @Autowired
    EventFeed feed;

    PermitApi api;

    @BeforeEach
    void setUp() {
        api = new PermitApi(web);
        clock.setDay("2026-02-12");
        api.registerEnterprises();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String draft(String owner, String code) {
        return (String) body(api.post(owner, "/api/permits", Map.of("enterpriseCode", code,
                "content", content(50, 12.0), "legalRepresentative", "李明"))).get("id");
    }

    /** A fresh key unit and its owner's token. */
    private String[] keyUnit() {
        String code = api.newUnit("盘锦辽河石化示范有限公司", "兴隆台区", "KEY");
        return new String[] {code, PermitApi.owner(code)};
    }

    private String[] simplifiedUnit() {
        String code = api.newUnit("大洼红海滩食品有限公司", "大洼区", "SIMPLIFIED");
        return new String[] {code, PermitApi.owner(code)};
    }

    /** The permit clocks, as the clock schedule runs them: the review clock, then expiry. */
    private Mono<Long> runClock() {
        return review.deemAccepted().flatMap(accepted -> expiry.remindAndExpire().map(moved -> accepted + moved));
    }

    private List<FeedEvent> events(String type) {
        return feed.read(0, 10_000).block().events().stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void deadlinesAreCountedInWorkingDaysAcrossTheSpringFestivalAndItsMakeUpDays() {
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        String id = draft(ownerB, entB);
        // API-CONFLICTS-NAME-THE-BLOCKER: a second application names the open one, its number and state.
        api.post(ownerB, "/api/permits", Map.of("enterpriseCode", entB, "content", content(50, 12.0),
                "legalRepresentative", "李明")).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:application-open")
                .jsonPath("$.blockedBy.type").isEqualTo("permit application")
                .jsonPath("$.blockedBy.id").isEqualTo(id)
                .jsonPath("$.blockedBy.status").isEqualTo("DRAFT")
                .jsonPath("$.detail").isEqualTo("enterprise " + entB + " already has open permit application " + id
                        + " (status DRAFT); continue with that one (GET /api/permits/" + id + ")");
        // Thursday 12 Feb 2026: Friday 13 and the make-up Saturday 14 count, 15-23 Feb (春节) do not.
        api.post(ownerB, "/api/permits/" + id + "/submit", null).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SUBMITTED")
                .jsonPath("$.review.completenessDue").isEqualTo("2026-02-24")
                // Simplified class: 20 working days, with the make-up Saturday 28 Feb counted.
                .jsonPath("$.review.decisionDue").isEqualTo("2026-03-18");
    }

    @Test
    void anApplicationGoesThroughSupplementAndSiteCheckToAnIssuedPermit() {
        String[] a = keyUnit();
        String entA = a[0];
        String ownerA = a[1];
        String id = draft(ownerA, entA);
        api.post(ownerA, "/api/permits/" + id + "/submit", null).expectStatus().isOk();
        api.post(REVIEWER, "/api/permits/" + id + "/supplement-request", Map.of("request", "补充环评批复扫描件"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUPPLEMENT_REQUESTED");
        Map<String, Object> current = body(api.get(ownerA, "/api/permits/" + id));
        api.put(ownerA, "/api/permits/" + id, Map.of("content", content(40, 12.0), "version",
                current.get("version"), "legalRepresentative", "李明")).expectStatus().isOk();
        clock.setDay("2026-02-26");
        api.post(ownerA, "/api/permits/" + id + "/submit", null).expectStatus().isOk();
        api.post(REVIEWER, "/api/permits/" + id + "/accept", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.review.acceptedOn").isEqualTo("2026-02-26")
                .jsonPath("$.review.deemedAccepted").isEqualTo(false)
                // Key class: 30 working days from acceptance.
                .jsonPath("$.review.decisionDue").isEqualTo("2026-04-09");
        api.post(REVIEWER, "/api/permits/" + id + "/site-check", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SITE_CHECK")
                .jsonPath("$.review.decisionDue").isEqualTo("2026-04-30");
        clock.setDay("2026-03-10");
        api.post(REVIEWER, "/api/permits/" + id + "/issue", Map.of("note", "现场核查通过")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ISSUED")
                .jsonPath("$.number").isEqualTo(entA + "001P")
                .jsonPath("$.validFrom").isEqualTo("2026-03-10")
                .jsonPath("$.validTo").isEqualTo("2031-03-09")
                .jsonPath("$.content.outlets[0].pollutants[0].concentration.value").isEqualTo(40.0);

        assertThat(events("PermitIssued")).anySatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo(id);
            assertThat(event.payload().get("number").asString()).isEqualTo(entA + "001P");
        });
        assertThat(events("PermitSiteCheckScheduled"))
                .anySatisfy(event -> assertThat(event.aggregateId()).isEqualTo(id));
        api.get(ownerA, "/api/permits/" + id + "/history").expectStatus().isOk().expectBody()
                .jsonPath("$[*].action").value(actions -> assertThat((List<String>) actions)
                        .containsSubsequence("apply", "submit", "request-supplement", "edit", "submit", "accept",
                                "site-check", "issue"));
        // A key holder owes annual and quarterly reports over the five years.
        api.get(ownerA, "/api/permits/" + id + "/reports").expectStatus().isOk().expectBody()
                // Every quarter from Q1 2026 to Q1 2031.
                .jsonPath("$[?(@.frequency == 'QUARTERLY')]").value(quarters ->
                        assertThat((List<Object>) quarters).hasSize(21))
                .jsonPath("$[0].dueOn").isEqualTo("2026-04-15");
    }

    @Test
    void silenceAfterTheCompletenessPeriodMeansTheApplicationIsAccepted() {
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        String id = draft(ownerB, entB);
        api.post(ownerB, "/api/permits/" + id + "/submit", null).expectStatus().isOk();
        clock.setDay("2026-02-25");
        api.post(REVIEWER, "/api/permits/" + id + "/supplement-request", Map.of("request", "太晚了"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:completeness-period-over");
        assertThat(runClock().block()).isPositive();
        api.get(REVIEWER, "/api/permits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.review.deemedAccepted").isEqualTo(true)
                .jsonPath("$.review.acceptedOn").isEqualTo("2026-02-12")
                .jsonPath("$.review.decisionDue").isEqualTo("2026-03-18");
        assertThat(events("PermitApplicationAccepted")).anySatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo(id);
            assertThat(event.payload().get("deemed").asBoolean()).isTrue();
        });
    }

    @Test
    void twoReplicasRunningTheClockAtOnceMoveEachApplicationOnce() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] b = simplifiedUnit();
            String id = draft(b[1], b[0]);
            api.post(b[1], "/api/permits/" + id + "/submit", null).expectStatus().isOk();
            ids.add(id);
        }
        clock.setDay("2026-02-25");
        var runs = Mono.zip(runClock().subscribeOn(Schedulers.parallel()),
                runClock().subscribeOn(Schedulers.parallel())).block();
        assertThat(runs.getT1() + runs.getT2()).isGreaterThanOrEqualTo(3);
        for (String id : ids) {
            assertThat(events("PermitApplicationAccepted").stream().filter(e -> e.aggregateId().equals(id)))
                    .hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReviewQueuePutsOverdueApplicationsFirst() {
        String[] a = keyUnit();
        String entA = a[0];
        String ownerA = a[1];
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        String later = draft(ownerA, entA);
        api.post(ownerA, "/api/permits/" + later + "/submit", null).expectStatus().isOk();
        String earlier = draft(ownerB, entB);
        api.post(ownerB, "/api/permits/" + earlier + "/submit", null).expectStatus().isOk();
        clock.setDay("2026-03-19");
        Map<String, Object> queue = body(api.get(REVIEWER, "/api/permits/review-queue?size=200"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) queue.get("items");
        List<String> ids = items.stream().map(item -> (String) item.get("id")).toList();
        assertThat(ids).contains(earlier, later);
        assertThat(ids.indexOf(earlier)).isLessThan(ids.indexOf(later));
        assertThat(items.get(ids.indexOf(earlier))).containsEntry("overdue", true);
        assertThat(items.get(ids.indexOf(later))).containsEntry("overdue", false);
        api.get(ownerA, "/api/permits/review-queue").expectStatus().isForbidden();
    }

    @Test
    void anotherEnterpriseGetsNotFoundAndOnlyReviewersDecide() {
        String id = draft(OWNER_A, ENT_A);
        api.get(OWNER_B, "/api/permits/" + id).expectStatus().isNotFound();
        api.get(OWNER_B, "/api/permits/" + id + "/reports").expectStatus().isNotFound();
        api.get(OWNER_B, "/api/permits?enterprise=" + ENT_A).expectStatus().isNotFound();
        api.post(OWNER_B, "/api/permits/" + id + "/submit", null).expectStatus().isNotFound();
        api.post(OWNER_B, "/api/permits", Map.of("enterpriseCode", ENT_A, "content", content(50, 12.0)))
                .expectStatus().isForbidden();
        api.post(OWNER_A, "/api/permits/" + id + "/submit", null).expectStatus().isOk();
        api.post(OWNER_A, "/api/permits/" + id + "/accept", null).expectStatus().isForbidden();
        api.post(INSPECTOR, "/api/permits/" + id + "/issue", null).expectStatus().isForbidden();
        api.get(CITIZEN, "/api/permits/" + id).expectStatus().isForbidden();
        api.get(INSPECTOR, "/api/permits/" + id).expectStatus().isOk();
        // Issuing straight from SUBMITTED skips acceptance: a guarded transition refuses it.
        api.post(REVIEWER, "/api/permits/" + id + "/issue", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:invalid-transition");
    }

    @Test
    void aRegistrationOnlyUnitCannotApplyAndInvalidContentIsRefusedField() {
        api.post(OWNER_C, "/api/permits", Map.of("enterpriseCode", ENT_C, "content", content(50, 12.0)))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:registration-only");
        Map<String, Object> bad = new java.util.HashMap<>(content(50, 12.0));
        bad.put("outlets", List.of(Map.of("code", "XX1", "name", "", "dischargeMode", "有组织",
                "destination", "大气", "pollutants", List.of())));
        api.post(OWNER_A, "/api/permits", Map.of("enterpriseCode", ENT_A, "content", bad))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'content.outlets[0].code')]").isNotEmpty();
        Map<String, Object> nullOutlet = new java.util.HashMap<>(content(50, 12.0));
        nullOutlet.put("outlets", java.util.Arrays.asList((Object) null));
        api.post(OWNER_A, "/api/permits", Map.of("enterpriseCode", ENT_A, "content", nullOutlet))
                .expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangeThatAllowsMoreNeedsANewApplicationAndALowerLimitIsAChangeAReviewerDecides() {
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        String id = new PermitApi(web).issuedPermit(ownerB, entB, content(50, 12.0));
        Object version = body(api.get(ownerB, "/api/permits/" + id)).get("version");
        String changePath = "/api/permits/" + id + "/change-request";
        api.post(ownerB, changePath, Map.of("holderName", "大洼红海滩食品有限公司", "content", content(80, 12.0),
                        "version", version))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:new-application-required")
                .jsonPath("$.detail").isEqualTo("not an administrative change: higher limit for 二氧化硫 at DA001; "
                        + "apply for a new permit instead");
        Map<String, Object> lower = Map.of("holderName", "盘锦红海滩食品股份有限公司", "legalRepresentative", "赵强",
                "content", content(35, 10.0), "version", version);
        api.post(ownerB, changePath, lower).expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("PENDING");
        api.get(ownerB, "/api/permits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.holderName").isEqualTo("大洼红海滩食品有限公司");
        // API-CONFLICTS-NAME-THE-BLOCKER: the second request names the change request waiting for a decision.
        api.post(ownerB, changePath, lower).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:change-pending")
                .jsonPath("$.blockedBy.type").isEqualTo("change request")
                .jsonPath("$.blockedBy.status").isEqualTo("PENDING")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("permit " + id + " has change request "));
        api.put(ownerB, "/api/permits/" + id + "/change", lower).expectStatus().isForbidden();
        api.post(ownerB, changePath + "/approve", null).expectStatus().isForbidden();
        api.get(OWNER_A, changePath).expectStatus().isNotFound();
        api.get(REVIEWER, changePath).expectStatus().isOk().expectBody()
                .jsonPath("$.change.holderName").isEqualTo("盘锦红海滩食品股份有限公司");

        api.post(REVIEWER, changePath + "/approve", null).expectStatus().isOk().expectBody()
                .jsonPath("$.holderName").isEqualTo("盘锦红海滩食品股份有限公司")
                .jsonPath("$.legalRepresentative").isEqualTo("赵强")
                .jsonPath("$.content.outlets[0].pollutants[0].concentration.value").isEqualTo(35.0)
                .jsonPath("$.status").isEqualTo("ISSUED");
        api.get(ownerB, changePath).expectStatus().isNotFound();
        assertThat(events("PermitChangeRequested")).anySatisfy(event -> assertThat(event.aggregateId()).isEqualTo(id));
        assertThat(events("PermitChanged")).anySatisfy(event -> assertThat(event.aggregateId()).isEqualTo(id));
        // The public directory follows the change of name.
        api.get(null, "/api/public/permits?q=红海滩食品股份").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].id").value(ids -> assertThat((List<String>) ids).contains(id));

        Object next = body(api.get(ownerB, "/api/permits/" + id)).get("version");
        api.post(ownerB, changePath, Map.of("holderName", "另一个名字", "content", content(35, 10.0), "version", next))
                .expectStatus().isCreated();
        api.post(REVIEWER, changePath + "/reject", Map.of("reason", "名称变更未提供工商登记证明")).expectStatus().isOk()
                .expectBody().jsonPath("$.holderName").isEqualTo("盘锦红海滩食品股份有限公司");
        assertThat(events("PermitChangeRejected")).anySatisfy(event -> assertThat(event.aggregateId()).isEqualTo(id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void permitRenewalDeadlineIsSixtyDaysBeforeExpiryAndTheRenewedPermitIsSupersededNotExpired() {
        String[] a = keyUnit();
        String entA = a[0];
        String ownerA = a[1];
        String[] b = simplifiedUnit();
        clock.setDay("2026-03-02");
        String id = new PermitApi(web).issuedPermit(ownerA, entA, content(50, 12.0));
        String late = new PermitApi(web).issuedPermit(b[1], b[0], content(50, 12.0));
        // Valid to 2031-03-01: the last day to apply for renewal is 2030-12-31. Reminders count down to it, at 30,
        // 15 and 5 days before, once each (the closest when several were missed).
        clock.setDay("2030-12-01");
        runClock().block();
        runClock().block();
        assertThat(events("PermitExpiryReminder").stream().filter(e -> e.aggregateId().equals(id))
                .map(e -> e.payload().get("daysBefore").asInt())).containsExactly(30);
        assertThat(events("PermitExpiryReminder").stream().filter(e -> e.aggregateId().equals(id))
                .map(e -> e.payload().get("renewalLastDay").asString())).containsExactly("2030-12-31");
        clock.setDay("2030-12-27");
        runClock().block();
        clock.setDay("2030-12-31");
        @SuppressWarnings("unchecked")
        Map<String, Object> renewal = api.post(ownerA, "/api/permits/" + id + "/renewal", null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(renewal).containsEntry("kind", "RENEWAL").containsEntry("status", "SUBMITTED");
        String renewalId = (String) renewal.get("id");
        api.post(ownerA, "/api/permits/" + id + "/renewal", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:application-open")
                .jsonPath("$.blockedBy.id").isEqualTo(renewalId)
                .jsonPath("$.blockedBy.status").isEqualTo("SUBMITTED")
                .jsonPath("$.detail").isEqualTo("a renewal of permit " + id + " is already under way: application "
                        + renewalId + " (status SUBMITTED)");
        // The renewal is not accepted yet: issuing it names the step that comes first.
        api.post(REVIEWER, "/api/permits/" + renewalId + "/issue", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.requiredStep").isEqualTo("accept")
                .jsonPath("$.detail").isEqualTo("cannot issue permit " + renewalId + " while it is SUBMITTED;"
                        + " accept it first (POST /api/permits/" + renewalId + "/accept)");
        api.post(REVIEWER, "/api/permits/" + renewalId + "/accept", null).expectStatus().isOk();
        api.post(REVIEWER, "/api/permits/" + renewalId + "/issue", null).expectStatus().isOk().expectBody()
                .jsonPath("$.validFrom").isEqualTo("2031-03-02")
                .jsonPath("$.number").isEqualTo(entA + "001P");
        api.post(ownerA, "/api/permits/" + id + "/renewal", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:already-renewed")
                .jsonPath("$.blockedBy.id").isEqualTo(renewalId);
        // A day later is not a renewal any more (refused by the default setting).
        clock.setDay("2031-01-01");
        api.post(b[1], "/api/permits/" + late + "/renewal", null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:renewal-deadline-passed");
        // Periods the old permit still covers are reported under it, once.
        api.get(ownerA, "/api/permits/" + renewalId + "/reports").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.frequency == 'ANNUAL')].periodStart").value(starts ->
                        assertThat((List<String>) starts).doesNotContain("2031-01-01").contains("2032-01-01"))
                .jsonPath("$[?(@.frequency == 'QUARTERLY')].periodStart").value(starts ->
                        assertThat((List<String>) starts).doesNotContain("2031-01-01").contains("2031-04-01"));
        clock.setDay("2031-03-02");
        runClock().block();
        api.get(ownerA, "/api/permits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SUPERSEDED");
        // The public sees the renewal under the same number, not the superseded permit.
        api.get(null, "/api/public/permits?q=" + entA).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(renewalId);
        assertThat(events("PermitExpiryReminder").stream().filter(e -> e.aggregateId().equals(id))
                .map(e -> e.payload().get("daysBefore").asInt())).containsExactly(30, 5);
    }

    @Test
    void aRenewalOfAPermitRevokedMeanwhileCannotBeIssued() {
        String[] b = simplifiedUnit();
        clock.setDay("2026-03-02");
        String id = new PermitApi(web).issuedPermit(b[1], b[0], content(50, 12.0));
        clock.setDay("2030-12-20");
        @SuppressWarnings("unchecked")
        String renewal = (String) api.post(b[1], "/api/permits/" + id + "/renewal", null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.post(ADMIN, "/api/permits/" + id + "/end", Map.of("how", "REVOKED", "reason", "以欺骗手段取得",
                "legalBasis", "licensing-law-69")).expectStatus().isOk();
        api.post(REVIEWER, "/api/permits/" + renewal + "/accept", null).expectStatus().isOk();
        api.post(REVIEWER, "/api/permits/" + renewal + "/issue", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:renewed-permit-ended");
    }

    @Test
    void aPermitWithoutRenewalExpires() {
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        clock.setDay("2026-03-02");
        String id = new PermitApi(web).issuedPermit(ownerB, entB, content(50, 12.0));
        clock.setDay("2031-03-01");
        runClock().block();
        api.get(ownerB, "/api/permits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ISSUED");
        clock.setDay("2031-03-02");
        runClock().block();
        api.get(ownerB, "/api/permits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("EXPIRED");
        assertThat(events("PermitExpired")).anySatisfy(event -> assertThat(event.aggregateId()).isEqualTo(id));
    }

    @Test
    void onlyAdminEndsAPermitAndOnlyOnAnApplicableLegalBasis() {
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        String id = new PermitApi(web).issuedPermit(ownerB, entB, content(50, 12.0));
        Map<String, Object> revoke = Map.of("how", "REVOKED", "reason", "以欺骗手段取得", "legalBasis",
                "licensing-law-69");
        api.post(REVIEWER, "/api/permits/" + id + "/end", revoke).expectStatus().isForbidden();
        api.post(ADMIN, "/api/permits/" + id + "/end", Map.of("how", "REVOKED", "reason", "x",
                "legalBasis", "licensing-law-70")).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:legal-basis-does-not-apply");
        api.post(ADMIN, "/api/permits/" + id + "/end", Map.of("how", "REVOKED", "reason", "x",
                "legalBasis", "no-such-law")).expectStatus().isEqualTo(422);
        api.post(ADMIN, "/api/permits/" + id + "/end", revoke).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.ending.legalBasis").isEqualTo("中华人民共和国行政许可法 (2019) 第六十九条");
        api.post(ADMIN, "/api/permits/" + id + "/end", revoke).expectStatus().isEqualTo(409);
        assertThat(events("PermitEnded")).anySatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo(id);
            assertThat(event.payload().get("status").asString()).isEqualTo("REVOKED");
        });
    }

    /**
     * PERMIT-END-LEGAL-BASIS: 吊销 cites 条例 Arts 34 and 41 (it cited Art 33), 撤销 Art 40. PERMIT-REAPPLICATION-BAN:
     * after either, no new permit for three years (applications were taken at once).
     */
    @Test
    void permitEndLegalBasisAndPermitReapplicationBanForThreeYears() {
        String[] b = simplifiedUnit();
        clock.setDay("2026-03-02");
        String id = new PermitApi(web).issuedPermit(b[1], b[0], content(50, 12.0));
        api.post(ADMIN, "/api/permits/" + id + "/end", Map.of("how", "WITHDRAWN", "reason", "拒不改正",
                "legalBasis", "permit-regulation-penalty")).expectStatus().isOk().expectBody()
                .jsonPath("$.ending.legalBasis").isEqualTo("排污许可管理条例 (2021) 第三十四条、第四十一条");
        Map<String, Object> apply = Map.of("enterpriseCode", b[0], "content", content(50, 12.0),
                "legalRepresentative", "李明");
        clock.setDay("2029-03-01");
        api.post(b[1], "/api/permits", apply).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:reapplication-banned")
                .jsonPath("$.errors[0].field").isEqualTo("enterpriseCode");
        clock.setDay("2029-03-02");
        api.post(b[1], "/api/permits", apply).expectStatus().isCreated();

        String[] a = keyUnit();
        clock.setDay("2026-03-02");
        String fraud = new PermitApi(web).issuedPermit(a[1], a[0], content(50, 12.0));
        api.post(ADMIN, "/api/permits/" + fraud + "/end", Map.of("how", "REVOKED", "reason", "以欺骗手段取得",
                "legalBasis", "permit-regulation-40")).expectStatus().isOk().expectBody()
                .jsonPath("$.ending.legalBasis").isEqualTo("排污许可管理条例 (2021) 第四十条");
        api.post(a[1], "/api/permits", Map.of("enterpriseCode", a[0], "content", content(50, 12.0),
                "legalRepresentative", "李明")).expectStatus().isEqualTo(422);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePublicSeesIssuedPermitsAndNothingPrivate() {
        String[] a = keyUnit();
        String entA = a[0];
        String ownerA = a[1];
        String[] b = simplifiedUnit();
        String entB = b[0];
        String ownerB = b[1];
        String issued = new PermitApi(web).issuedPermit(ownerA, entA, content(50, 12.0));
        String draft = draft(ownerB, entB);
        Map<String, Object> page = body(api.get(null, "/api/public/permits?q=辽河石化"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(item -> item.get("id")).contains(issued).doesNotContain(draft);
        assertThat(items.get(0)).containsKeys("holderName", "number", "validFrom", "validTo", "outlets")
                .doesNotContainKeys("legalRepresentative", "address", "review", "content");
        api.get(null, "/api/public/permits?q=" + entA.substring(0, 10) + "&district=兴隆台区&permitClass=KEY")
                .expectStatus().isOk().expectBody().jsonPath("$.total").value(total ->
                        assertThat(((Number) total).intValue()).isPositive());
        api.get(null, "/api/public/permits/" + issued).expectStatus().isOk().expectBody()
                .jsonPath("$.outlets[0].pollutants[0].concentration.value").isEqualTo(50.0)
                .jsonPath("$.legalRepresentative").doesNotExist();
        api.get(null, "/api/public/permits/" + draft).expectStatus().isNotFound();
        api.get(null, "/api/permits/" + issued).expectStatus().isUnauthorized();
    }

    @Test
    void adminImportsPermitsIssuedElsewhereOnceAndTheyOweOnlyReportsDueFromTheImport() {
        String unit = api.newUnit("盘锦渤海化工有限公司", "辽东湾新区", "KEY");
        Map<String, Object> item = Map.of("enterpriseCode", unit, "content", content(50, 12.0),
                "validFrom", "2023-06-01", "reportsFrom", "2026-01-01");
        api.post(OWNER_A, "/api/permits/import", Map.of("permits", List.of(item))).expectStatus().isForbidden();
        api.post(ADMIN, "/api/permits/import", Map.of("permits", List.of(item))).expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(1).jsonPath("$.alreadyHoldingAPermit").isEqualTo(0);
        api.post(ADMIN, "/api/permits/import", Map.of("permits", List.of(item))).expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(0).jsonPath("$.alreadyHoldingAPermit").isEqualTo(1);
        api.post(ADMIN, "/api/permits/import", Map.of("permits", List.of(Map.of("enterpriseCode", ENT_C,
                "content", content(50, 12.0), "validFrom", "2023-06-01")))).expectStatus().isEqualTo(422);
        @SuppressWarnings("unchecked")
        Map<String, Object> permit = ((List<Map<String, Object>>) body(api.get(ADMIN, "/api/permits?enterprise="
                + unit)).get("items")).get(0);
        assertThat(permit).containsEntry("status", "ISSUED").containsEntry("validTo", "2028-05-31");
        // The annual report for 2025 falls due on 15 January 2026: owed. Earlier ones are not.
        api.get(ADMIN, "/api/permits/" + permit.get("id") + "/reports").expectStatus().isOk().expectBody()
                .jsonPath("$[0].frequency").isEqualTo("ANNUAL")
                .jsonPath("$[0].periodStart").isEqualTo("2025-01-01");
    }

    @Test
    void aRegistrationIsEffectiveOnFilingAndARefilingAfterTwentyDaysIsLate() {
        Map<String, Object> form = Map.of("productionSite", "盘山县胡家镇", "mainProducts", List.of("汽车维修"),
                "discharges", List.of(Map.of("kind", "废气", "pollutant", "VOCs", "treatment", "活性炭吸附",
                        "destination", "大气")));
        api.put(OWNER_C, "/api/registrations/" + ENT_C, Map.of("form", form, "version", 0)).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.number").isEqualTo(ENT_C + "001W")
                .jsonPath("$.late").isEqualTo(false);
        api.put(OWNER_C, "/api/registrations/" + ENT_C, Map.of("form", form, "version", 1))
                .expectStatus().isEqualTo(422);
        api.put(OWNER_C, "/api/registrations/" + ENT_C, Map.of("form", form, "version", 1,
                "changedOn", "2026-01-12")).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2).jsonPath("$.late").isEqualTo(true);
        api.put(OWNER_C, "/api/registrations/" + ENT_C, Map.of("form", form, "version", 1,
                "changedOn", "2026-02-10")).expectStatus().isEqualTo(409);
        api.put(OWNER_A, "/api/registrations/" + ENT_A, Map.of("form", form, "version", 0))
                .expectStatus().isEqualTo(422);
        api.get(OWNER_B, "/api/registrations/" + ENT_C).expectStatus().isNotFound();
        api.get(INSPECTOR, "/api/registrations/" + ENT_C).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2);
        assertThat(events("RegistrationFiled")).hasSize(2);
    }
}
