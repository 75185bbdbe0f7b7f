package gov.envgov.credit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit records from the three feeds, once per source event across restarts (CRD-RECORD-ONCE), a withdrawn
 * decision taking its record back (CRD-RECORD-WITHDRAWN), and records entered by hand (CRD-RECORD-MANUAL) with their
 * entry deadline (CRD-RECORD-ENTRY-DEADLINE).
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class RecordIT {

    static final String UNIT = "91211103MA0GA0001Y";
    static final String OTHER = "91211104MA0GB00028";
    static final String OFFICER = "Bearer " + TestTokens.of("credit1", "credit_officer");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HASH = "a".repeat(64);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_record").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;

    @Test
    void crdRecordOnceEveryCountingPermitEventIsOneRecordEvenWhenRedeliveredOrReplayedAfterARestart() {
        UUID exceedance = UUID.randomUUID();
        Map<String, Object> exceeded = Map.of("episodeId", UUID.randomUUID(), "enterpriseCode", UNIT,
                "outlet", "DA001", "pollutant", "二氧化硫", "startedAt", "2025-11-28T02:00:00Z",
                "concentration", 61.5, "permitted", 50.0);
        FeedFixtures permit = new FeedFixtures("permit-service")
                .event(exceedance, "MonitoringExceedance", "Enterprise", UNIT, exceeded)
                .event(UUID.randomUUID(), "ExecutionReportOverdue", "Permit", "p-1", Map.of("permitId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "frequency", "QUARTERLY",
                        "periodStart", "2025-07-01", "dueOn", "2025-10-15"))
                .event(UUID.randomUUID(), "PermitQuantityExceeded", "Permit", "p-1", Map.of("permitId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "year", 2025, "outlet", "DA001",
                        "pollutant", "二氧化硫", "reportedTonnes", 12.5, "permittedTonnes", 10.0))
                .event(UUID.randomUUID(), "PermitExpired", "Permit", "p-1", Map.of("permitId", UUID.randomUUID(),
                        "enterpriseCode", UNIT, "number", UNIT + "001P", "validTo", "2025-11-30"))
                .event(UUID.randomUUID(), "DischargeWithoutPermit", "Enterprise", UNIT, Map.of(
                        "enterpriseCode", UNIT, "detectedOn", "2025-12-03"))
                .event(exceedance, "MonitoringExceedance", "Enterprise", UNIT, exceeded)
                .event(UUID.randomUUID(), "PermitIssued", "Permit", "p-2", Map.of("enterpriseCode", UNIT));
        FeedSubscription subscription = FeedFixtures.named(subscriptions, "credit-records");
        permit.applyTo(subscription, db, transactions);
        assertThat(count(UNIT)).isEqualTo(5);
        assertThat(cursor("credit-records")).isEqualTo(7L);

        // A restart that lost nothing reads on from the cursor; one that replays the whole feed makes no duplicate.
        permit.applyTo(subscription, db, transactions);
        db.sql("UPDATE event_cursor SET position = 0 WHERE consumer = 'credit-records'").then().block();
        permit.applyTo(subscription, db, transactions);
        assertThat(count(UNIT)).isEqualTo(5);

        JsonNode records = records(UNIT).get("items");
        JsonNode monitoring = find(records, "MonitoringExceedance");
        assertThat(monitoring.get("source").get("eventId").asString()).isEqualTo(exceedance.toString());
        assertThat(monitoring.get("source").get("producer").asString()).isEqualTo("permit-service");
        assertThat(monitoring.get("source").get("position").asLong()).isEqualTo(1L);
        assertThat(monitoring.get("period").asInt()).isEqualTo(2025);
        assertThat(monitoring.get("rule").asString()).isEqualTo("LN-EXCEEDANCE");
        assertThat(monitoring.get("severity").asString()).isEqualTo("MINOR");
        assertThat(monitoring.get("points").asInt()).isEqualTo(2);
        assertThat(monitoring.get("schemeVersion").asString()).isEqualTo("LN-2022-1");
        assertThat(find(records, "PermitQuantityExceeded").get("vetoCode").asString()).isEqualTo("OVER_TOTAL_LOAD");
        assertThat(find(records, "DischargeWithoutPermit").get("points").asInt()).isEqualTo(20);
    }

    @Test
    void crdRecordOnceAPageThatFailsLeavesNeitherItsRecordsNorItsCursorBehind() {
        db.sql("DELETE FROM event_cursor WHERE consumer = 'credit-enforcement-records'").then().block();
        FeedFixtures broken = new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PenaltyDecided", "case", "c-x", penalty(UUID.randomUUID(), OTHER, 1000))
                .event(UUID.randomUUID(), "PenaltyDecided", "case", "c-y", Map.of("caseId", "not-a-uuid",
                        "enterpriseCode", OTHER, "outcome", "PENALTY", "amount", 1000, "decidedOn", "2025-05-06"));
        assertThatThrownBy(() -> broken.applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db,
                transactions)).isInstanceOf(IllegalArgumentException.class);
        assertThat(count(OTHER)).isZero();
        assertThat(cursor("credit-enforcement-records")).isZero();
    }

    @Test
    void crdRecordWithdrawnComplaintsPenaltiesAndInspectionsCountAndAWithdrawnDecisionTakesItsRecordBack() {
        String unit = "91211122MA0GD0003W";
        UUID caseId = UUID.randomUUID();
        new FeedFixtures("complaint-service")
                .event(UUID.randomUUID(), "ComplaintSubstantiated", "complaint", "c-1", Map.of("complaintId",
                        UUID.randomUUID(), "enterpriseCode", unit, "category", "WATER", "district", "盘山县",
                        "findings", "排口附近河水发黑", "at", "2025-08-30T01:00:00Z"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-complaint-records"), db, transactions);
        Map<String, Object> noFailure = new HashMap<>(Map.of("enterpriseId", unit, "taskId", UUID.randomUUID(),
                "result", "COMPLIANT", "failedItems", List.of()));
        new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PenaltyDecided", "case", caseId.toString(), penalty(caseId, unit, 30000))
                .event(UUID.randomUUID(), "PenaltyPaid", "case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", unit, "fine", 30000, "surcharge", 0, "paidOn", "2025-06-01"))
                .event(UUID.randomUUID(), "InspectionCompleted", "task", "t-1", Map.of("enterpriseId", unit,
                        "taskId", UUID.randomUUID(), "result", "NONCOMPLIANT", "failedItems", List.of("台账", "标识")))
                .event(UUID.randomUUID(), "InspectionCompleted", "task", "t-2", noFailure)
                .event(UUID.randomUUID(), "DecisionWithdrawn", "case", caseId.toString(), Map.of("caseId", caseId,
                        "enterpriseCode", unit, "reason", "行政复议撤销", "withdrawnOn", "2025-09-01"))
                .applyTo(FeedFixtures.named(subscriptions, "credit-enforcement-records"), db, transactions);

        JsonNode records = records(unit).get("items");
        assertThat(records.size()).isEqualTo(4);
        assertThat(find(records, "ComplaintSubstantiated").get("points").asInt()).isEqualTo(3);
        JsonNode decided = find(records, "PenaltyDecided");
        assertThat(decided.get("severity").asString()).isEqualTo("MINOR");
        assertThat(decided.get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(decided.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(decided.get("statusReason").asString()).contains("行政复议撤销");
        assertThat(find(records, "PenaltyPaid").get("points").asInt()).isZero();
        // The enterprise sees its own records, the withdrawn one too; another enterprise's stay out of its view.
        JsonNode own = JSON.readTree(web.get().uri("/api/credit/my/records?period=2025")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.enterprise("ent-d", unit)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        // The inspection names no day of its own: it falls in the period of the day its event occurred (not 2025).
        assertThat(own.findValuesAsString("eventType")).containsExactlyInAnyOrder("ComplaintSubstantiated",
                "PenaltyDecided", "PenaltyPaid");
        assertThat(own.findValuesAsString("subjectCode")).containsOnly(unit);
        JsonNode inspection = find(records, "InspectionCompleted");
        assertThat(inspection.get("severity").asString()).isEqualTo("GENERAL");
        assertThat(inspection.get("subjectCode").asString()).isEqualTo(unit);
    }

    @Test
    void crdRecordManualACreditOfficerEntersARecordWithEvidenceAndItsEntryDeadline() {
        JsonNode entered = JSON.readTree(web.post().uri("/api/credit/records")
                .header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("subjectCode", UNIT, "rule", "LN-DISCLOSURE", "severity", "GENERAL",
                        "occurredOn", "2026-02-05", "summary", "未按期披露2025年度环境信息",
                        "evidence", List.of(Map.of("name", "核查记录.pdf", "sha256", HASH))))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(entered.get("origin").asString()).isEqualTo("MANUAL");
        assertThat(entered.get("period").asInt()).isEqualTo(2026);
        assertThat(entered.get("points").asInt()).isEqualTo(5);
        assertThat(entered.get("enteredBy").asString()).isEqualTo("credit1");
        assertThat(entered.get("evidence").get(0).get("sha256").asString()).isEqualTo(HASH);
        // CRD-RECORD-ENTRY-DEADLINE: 10 working days from Thu 5 Feb 2026 run over the make-up Saturday and the
        // Spring Festival to Thu 26 Feb; entered on 12 Feb, it is on time.
        assertThat(entered.get("enterBy").asString()).isEqualTo("2026-02-26");
        assertThat(entered.get("late").asBoolean()).isFalse();

        JsonNode late = JSON.readTree(web.post().uri("/api/credit/records")
                .header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("subjectCode", UNIT, "vetoCode", "HIDDEN_PIPE", "occurredOn", "2026-01-05",
                        "summary", "现场发现暗管", "evidence", List.of(Map.of("name", "照片", "sha256", HASH))))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(late.get("vetoCode").asString()).isEqualTo("HIDDEN_PIPE");
        assertThat(late.get("enterBy").asString()).isEqualTo("2026-01-19");
        assertThat(late.get("late").asBoolean()).isTrue();

        web.post().uri("/api/credit/records").header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("subjectCode", UNIT, "rule", "LN-DISCLOSURE", "severity", "GENERAL",
                        "occurredOn", "2026-02-05", "summary", "无证据", "evidence", List.of()))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("evidence");
        web.post().uri("/api/credit/records").header(HttpHeaders.AUTHORIZATION, OFFICER)
                .bodyValue(Map.of("subjectCode", UNIT, "rule", "NO-SUCH-RULE", "severity", "GENERAL",
                        "occurredOn", "2026-02-05", "summary", "x", "evidence", List.of(Map.of("name", "x",
                                "sha256", HASH))))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("rule");
        web.post().uri("/api/credit/records").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.enterprise("ent-a", UNIT))
                .bodyValue(Map.of("subjectCode", UNIT)).exchange().expectStatus().isForbidden();
    }

    private static Map<String, Object> penalty(UUID caseId, String unit, int amount) {
        return Map.of("caseId", caseId, "enterpriseCode", unit, "outcome", "PENALTY", "amount", amount,
                "violation", "OVER_LIMIT_DISCHARGE", "legalBasis", "大气污染防治法 第九十九条", "veto", false,
                "decidedOn", "2025-05-06");
    }

    private JsonNode records(String unit) {
        return JSON.readTree(web.get().uri("/api/credit/records?subject=" + unit + "&size=50")
                .header(HttpHeaders.AUTHORIZATION, OFFICER).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
    }

    private static JsonNode find(JsonNode records, String eventType) {
        for (JsonNode record : records) {
            if (record.get("eventType").asString().equals(eventType)) {
                return record;
            }
        }
        throw new AssertionError("no " + eventType + " record in " + records);
    }

    private long count(String unit) {
        return db.sql("SELECT count(*) AS n FROM credit_record WHERE subject_code = :unit AND origin = 'FEED'")
                .bind("unit", unit)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private Long cursor(String consumer) {
        return db.sql("SELECT position FROM event_cursor WHERE consumer = :consumer").bind("consumer", consumer)
                .map(row -> row.get("position", Long.class)).one().defaultIfEmpty(0L).block();
    }
}
