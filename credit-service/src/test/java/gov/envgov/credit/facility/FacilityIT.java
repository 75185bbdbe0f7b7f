package gov.envgov.credit.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public facility report built from the three feeds (CRD-FACILITY-REPORT), its quarter string
 * (CRD-FACILITY-QUARTERS) and pinned snapshots (CRD-FACILITY-SNAPSHOT), without a token.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class FacilityIT {

    static final String UNIT = "91211103MA0GA0001Y";
    static final String QUIET = "91211104MA0GB00028";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_facility").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    MutableClock clock;

    final UUID caseId = UUID.randomUUID();
    FeedFixtures enforcement;
    final UUID permitId = UUID.randomUUID();
    final UUID complaintEvent = UUID.randomUUID();

    @BeforeEach
    void feeds() {
        // Each test starts from an empty history: every feed is read again from its start.
        db.sql("DELETE FROM facility_fact").then().block();
        db.sql("DELETE FROM event_cursor WHERE consumer LIKE 'credit-facility-%'").then().block();
        clock.setDay("2026-11-20");
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", UNIT, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", QUIET, "盘锦鹤乡食品有限公司", "大洼区", "SIMPLIFIED", 1)
                .applyTo(FeedFixtures.named(subscriptions, "credit-subjects"), db, transactions);
        FeedFixtures permit = new FeedFixtures("permit-service")
                .event(UUID.randomUUID(), "PermitIssued", "Permit", permitId.toString(), Map.of("permitId", permitId,
                        "enterpriseCode", UNIT, "number", UNIT + "001P", "permitClass", "KEY", "kind", "NEW",
                        "validFrom", "2022-03-01", "validTo", "2027-02-28"))
                // 2024Q4 — the first quarter of the window (2024Q4 … 2026Q4 are 9; 12 reach back to 2024Q1).
                .event(UUID.randomUUID(), "MonitoringExceedance", "Enterprise", UNIT, Map.of("episodeId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "outlet", "DA001", "pollutant", "二氧化硫",
                        "startedAt", "2024-11-28T02:00:00Z", "concentration", 61.5, "permitted", 50.0))
                // Before the window: not in the quarters, not in the sections.
                .event(UUID.randomUUID(), "ExecutionReportOverdue", "Permit", permitId.toString(), Map.of(
                        "permitId", permitId, "enterpriseCode", UNIT, "frequency", "QUARTERLY",
                        "periodStart", "2023-07-01", "dueOn", "2023-10-15"))
                .event(UUID.randomUUID(), "ExecutionReportFiled", "Permit", permitId.toString(), Map.of(
                        "permitId", permitId, "enterpriseCode", UNIT, "frequency", "ANNUAL",
                        "periodStart", "2025-01-01", "late", false))
                .event(UUID.randomUUID(), "DischargeWithoutPermit", "Enterprise", UNIT, Map.of("episodeId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "outlet", "DW002", "detectedOn", "2025-08-03",
                        "startedAt", "2025-08-02T16:00:00Z"));
        permit.applyTo(FeedFixtures.named(subscriptions, FacilityFeeds.PERMIT_FEED), db, transactions);
        new FeedFixtures("complaint-service")
                .event(complaintEvent, "ComplaintSubstantiated", "Complaint", "c-1", Map.of("complaintId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "category", "WATER", "district", "兴隆台区",
                        "findings", "张三反映属实，电话 13800000000", "at", "2026-02-10T03:00:00Z"))
                .applyTo(FeedFixtures.named(subscriptions, FacilityFeeds.COMPLAINT_FEED), db, transactions);
        enforcement = new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "InspectionCompleted", "Task", "t-1", Map.of("taskId", UUID.randomUUID(),
                        "enterpriseCode", UNIT, "result", "PROBLEMS_FOUND", "failedItems", List.of("WG-01"),
                        "mode", "ON_SITE", "completedOn", "2026-03-05"))
                .event(UUID.randomUUID(), "CaseFiled", "Case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", UNIT, "violation", "超标排放大气污染物", "filedOn", "2026-03-10"))
                .event(UUID.randomUUID(), "PenaltyDecided", "Case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", UNIT, "outcome", "PENALTY", "amount", 200000, "violation", "超标排放",
                        "legalBasis", "大气污染防治法第九十九条", "veto", false, "decidedOn", "2026-07-15"))
;
        enforcement.applyTo(FeedFixtures.named(subscriptions, FacilityFeeds.ENFORCEMENT_FEED), db, transactions);
    }

    @Test
    void crdFacilityReportShowsEverySectionFromTheFeedsOncePerEventAndNoComplaintFindings() {
        // A redelivered page adds nothing.
        new FeedFixtures("complaint-service")
                .event(complaintEvent, "ComplaintSubstantiated", "Complaint", "c-1", Map.of("complaintId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "category", "WATER", "findings", "x",
                        "at", "2026-02-10T03:00:00Z"))
                .applyTo(FeedFixtures.named(subscriptions, FacilityFeeds.COMPLAINT_FEED), db, transactions);
        JsonNode report = report(UNIT);
        assertThat(report.get("name").asString()).isEqualTo("盘锦辽河石化有限公司");
        assertThat(report.get("district").asString()).isEqualTo("兴隆台区");
        assertThat(report.get("asOf").asString()).isEqualTo("2026-11-20");
        assertThat(report.get("permits")).hasSize(1);
        assertThat(report.get("permits").get(0).get("summary").asString()).contains(UNIT + "001P");
        assertThat(report.get("reports")).hasSize(1);
        assertThat(report.get("monitoring")).hasSize(2);
        assertThat(report.get("inspections").get(0).get("severity").asString()).isEqualTo("VIOLATION");
        assertThat(report.get("complaints")).hasSize(1);
        assertThat(report.get("cases")).hasSize(1);
        assertThat(report.get("penalties").get(0).get("summary").asString()).contains("200000");
        assertThat(report.toString()).doesNotContain("张三").doesNotContain("13800000000");
        web.get().uri("/api/public/credit/facilities/" + QUIET).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.statusString").isEqualTo("____________");
        web.get().uri("/api/public/credit/facilities/91211122MA0GD0003W").exchange().expectStatus().isNotFound();
    }

    @Test
    void crdFacilityQuartersTwelveQuartersOldestFirstAndAWithdrawnDecisionStopsCounting() {
        // 2024Q1 … 2026Q4: 2024Q4 exceedance V, 2025Q3 no permit S, 2026Q1 complaint, inspection, case V,
        // 2026Q3 penalty S.
        assertThat(report(UNIT).get("statusString").asString()).isEqualTo("___V__S_V_S_");
        JsonNode first = report(UNIT).get("quarters").get(0);
        assertThat(first.get("quarter").asString()).isEqualTo("2024Q1");
        assertThat(report(UNIT).get("quarters").get(8).get("violations").asInt()).isEqualTo(3);

        enforcement.event(UUID.randomUUID(), "DecisionWithdrawn", "Case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", UNIT, "reason", "复议撤销", "withdrawnOn", "2026-09-01"))
                .applyTo(FeedFixtures.named(subscriptions, FacilityFeeds.ENFORCEMENT_FEED), db, transactions);
        JsonNode report = report(UNIT);
        assertThat(report.get("statusString").asString()).isEqualTo("___V__S_V___");
        assertThat(report.get("penalties")).hasSize(2);
        JsonNode decided = find(report.get("penalties"), "PenaltyDecided");
        assertThat(decided.get("withdrawnOn").asString()).isEqualTo("2026-09-01");

        // A quarter later the window moves on: the oldest quarter drops out and a new one starts.
        clock.setDay("2027-01-05");
        assertThat(report(UNIT).get("statusString").asString()).isEqualTo("__V__S_V____");
    }

    @Test
    void crdFacilitySnapshotPinsTheBytesServedAndReturnsThemUnchangedAfterTheHistoryMoves() {
        EntityExchangeResult<byte[]> live = web.get().uri("/api/public/credit/facilities/" + UNIT).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        String etag = live.getResponseHeaders().getETag();
        JsonNode pinned = JSON.readTree(web.post().uri("/api/public/credit/facilities/" + UNIT + "/snapshots")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String sha = pinned.get("sha256").asString();
        assertThat(etag).isEqualTo("\"" + sha + "\"");
        // The same report pinned again is the same snapshot.
        web.post().uri("/api/public/credit/facilities/" + UNIT + "/snapshots").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sha256").isEqualTo(sha);

        enforcement.event(UUID.randomUUID(), "PenaltyPaid", "Case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", UNIT, "fine", 200000, "surcharge", 0, "paidOn", "2026-08-01"))
                .applyTo(FeedFixtures.named(subscriptions, FacilityFeeds.ENFORCEMENT_FEED), db, transactions);
        clock.setDay("2027-02-01");
        byte[] again = web.get().uri(pinned.get("url").asString()).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha + "\"").expectBody().returnResult()
                .getResponseBody();
        assertThat(again).isEqualTo(live.getResponseBody());
        assertThat(FacilityService.sha256(again)).isEqualTo(sha);
        assertThat(report(UNIT).get("penalties")).hasSize(2);

        String csv = web.get().uri(pinned.get("url").asString() + "/quarters.csv").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(csv.split("\r\n")).contains("quarter,start,end,status,violations,significant_violations",
                "2026Q3,2026-07-01,2026-09-30,S,0,1", "2024Q1,2024-01-01,2024-03-31,_,0,0");
        String today = new String(web.get().uri("/api/public/credit/facilities/" + UNIT + "/quarters.csv")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(today).contains("2027Q1,2027-01-01,2027-03-31,_,0,0").doesNotContain("2024Q1");

        web.get().uri("/api/public/credit/facility-snapshots/" + "0".repeat(64)).exchange().expectStatus()
                .isNotFound();
        web.get().uri("/api/public/credit/facility-snapshots/not-a-hash").exchange().expectStatus().isBadRequest();
        assertThat(db.sql("DELETE FROM facility_snapshot").fetch().rowsUpdated()
                .onErrorReturn(-1L).block()).isEqualTo(-1L);
    }

    private JsonNode report(String code) {
        return JSON.readTree(web.get().uri("/api/public/credit/facilities/" + code).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private static JsonNode find(JsonNode entries, String type) {
        for (JsonNode entry : entries) {
            if (entry.get("type").asString().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + entries);
    }
}
