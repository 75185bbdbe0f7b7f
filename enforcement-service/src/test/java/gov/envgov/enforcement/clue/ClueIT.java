package gov.envgov.enforcement.clue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ENF-CLUE-ONCE and ENF-CLUE-FILING-DEADLINE: clues from every feed, once each, with their filing deadline. */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClueIT {

    static final String UNIT = "91211103MA0GA0001Y";
    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_clue").register(registry);
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
    WorkingDayCalendar calendar;

    /** Runs first: it counts the whole queue, which the other tests add to. */
    @Test
    @Order(1)
    void everyFeedEventThatCountsBecomesOneClueThatSaysWhereItCameFrom() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", UNIT, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY", 1)
                .applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
        UUID exceedance = UUID.randomUUID();
        new FeedFixtures("permit-service")
                .event(exceedance, "MonitoringExceedance", "Enterprise", UNIT, Map.of("episodeId", UUID.randomUUID(),
                        "enterpriseCode", UNIT, "outlet", "DA001", "pollutant", "二氧化硫",
                        "startedAt", "2026-11-28T02:00:00Z", "concentration", 61.5, "permitted", 50.0))
                .event(UUID.randomUUID(), "ExecutionReportOverdue", "Permit", "p-1", Map.of("permitId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "frequency", "QUARTERLY",
                        "periodStart", "2026-07-01", "dueOn", "2026-10-15"))
                .event(UUID.randomUUID(), "PermitQuantityExceeded", "Permit", "p-1", Map.of("permitId",
                        UUID.randomUUID(), "enterpriseCode", UNIT, "year", 2025, "outlet", "DA001",
                        "pollutant", "二氧化硫", "reportedTonnes", 12.5, "permittedTonnes", 10.0))
                .event(UUID.randomUUID(), "PermitExpired", "Permit", "p-1", Map.of("permitId", UUID.randomUUID(),
                        "enterpriseCode", UNIT, "number", UNIT + "001P", "validTo", "2026-11-30"))
                .event(exceedance, "MonitoringExceedance", "Enterprise", UNIT, Map.of("episodeId", UUID.randomUUID(),
                        "enterpriseCode", UNIT, "outlet", "DA001", "pollutant", "二氧化硫",
                        "startedAt", "2026-11-28T02:00:00Z", "concentration", 61.5, "permitted", 50.0))
                .event(UUID.randomUUID(), "PermitIssued", "Permit", "p-2", Map.of("enterpriseCode", UNIT))
                .applyTo(FeedFixtures.named(subscriptions, "enforcement-clues"), db, transactions);
        Map<String, Object> substantiated = new HashMap<>(Map.of("complaintId", UUID.randomUUID(),
                "enterpriseCode", UNIT, "category", "WATER", "district", "兴隆台区", "findings", "排口附近河水发黑",
                "at", "2026-11-30T01:00:00Z"));
        UUID complaintEvent = UUID.randomUUID();
        new FeedFixtures("complaint-service")
                .event(complaintEvent, "ComplaintSubstantiated", "complaint", "c-1", substantiated)
                .event(complaintEvent, "ComplaintSubstantiated", "complaint", "c-1", substantiated)
                .applyTo(FeedFixtures.named(subscriptions, "enforcement-complaint-clues"), db, transactions);

        JsonNode queue = queue();
        assertThat(queue.get("total").asInt()).isEqualTo(5);
        assertThat(queue.get("items").findValuesAsString("source")).containsExactlyInAnyOrder("MONITORING_EXCEEDANCE",
                "REPORT_OVERDUE", "QUANTITY_EXCEEDED", "PERMIT_EXPIRED", "COMPLAINT");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (JsonNode clue : queue.get("items")) {
            assertThat(clue.get("enterpriseCode").asString()).isEqualTo(UNIT);
            assertThat(clue.get("district").asString()).isEqualTo("兴隆台区");
            assertThat(clue.get("filingDue").asString()).isEqualTo(calendar.plusWorkingDays(today, 15).toString());
            assertThat(clue.get("overdue").asBoolean()).isFalse();
            assertThat(clue.get("enteredBy").asString()).isEqualTo("system:feed");
            if (clue.get("source").asString().equals("MONITORING_EXCEEDANCE")) {
                assertThat(clue.get("sourceEventId").asString()).isEqualTo(exceedance.toString());
                assertThat(clue.get("summary").asString()).isEqualTo("在线监测超标：排口 DA001 二氧化硫 61.5（许可 50.0）");
                assertThat(clue.get("details").get("producerEventType").asString()).isEqualTo("MonitoringExceedance");
            }
            if (clue.get("source").asString().equals("COMPLAINT")) {
                assertThat(clue.get("summary").asString()).isEqualTo("12345 投诉经查属实：排口附近河水发黑");
            }
        }
        assertThat(db.sql("SELECT count(*) AS n FROM event_outbox WHERE event_type = 'ClueReceived'")
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(5L);
    }

    @Test
    void inspectorsEnterCluesAndOverdueOnesLeadTheQueue() {
        db.sql("""
                INSERT INTO clue (id, source, enterprise_code, summary, details, status, received_on, filing_due,
                                  received_at, entered_by)
                VALUES (gen_random_uuid(), 'INSPECTOR', NULL, '早已逾期的线索', '{}', 'OPEN', DATE '2026-01-05',
                        DATE '2026-01-26', now() - interval '300 days', 'inspector2')""").then().block();
        JsonNode entered = JSON.readTree(web.post().uri("/api/enforcement/clues")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("enterpriseCode", UNIT, "summary", "巡查发现雨水排口有异味")).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(entered.get("source").asString()).isEqualTo("INSPECTOR");
        assertThat(entered.get("enteredBy").asString()).isEqualTo("inspector1");
        JsonNode first = queue().get("items").get(0);
        assertThat(first.get("summary").asString()).isEqualTo("早已逾期的线索");
        assertThat(first.get("overdue").asBoolean()).isTrue();

        web.post().uri("/api/enforcement/clues").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.enterprise("ent-a", UNIT))
                .bodyValue(Map.of("summary", "x")).exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/clues").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(Map.of("enterpriseCode", "BAD", "summary", "x")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("enterpriseCode");
    }

    /** ENF-CLUE-NO-PERMIT: readings from a unit without a valid permit become one clue per event, said so. */
    @Test
    void enfClueNoPermitReadingsWithoutAPermitBecomeOneClueEach() {
        String unit = "91211102MA0GN0001Q";
        // The fixtures number their events from 1: replay both feeds from the start, as after a lost cursor.
        db.sql("DELETE FROM event_cursor WHERE consumer IN ('inspection-pool', 'enforcement-clues')").then().block();
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", unit, "盘锦无证示范化工厂", "双台子区", "GENERAL", 1)
                .applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<String, Object> payload = Map.of("episodeId", UUID.randomUUID(), "enterpriseCode", unit,
                "outlet", "DW001", "detectedOn", "2026-11-30", "startedAt", "2026-11-29T16:00:00Z");
        new FeedFixtures("permit-service")
                .event(first, "DischargeWithoutPermit", "Enterprise", unit, payload)
                .event(first, "DischargeWithoutPermit", "Enterprise", unit, payload)
                .event(second, "DischargeWithoutPermit", "Enterprise", unit, Map.of("episodeId", UUID.randomUUID(),
                        "enterpriseCode", unit, "outlet", "DA002", "detectedOn", "2026-12-01",
                        "startedAt", "2026-12-01T01:00:00Z"))
                .applyTo(FeedFixtures.named(subscriptions, "enforcement-clues"), db, transactions);

        List<JsonNode> clues = new java.util.ArrayList<>();
        queue().get("items").forEach(clue -> {
            if (clue.get("source").asString().equals("DISCHARGE_WITHOUT_PERMIT")) {
                clues.add(clue);
            }
        });
        assertThat(clues).hasSize(2);
        JsonNode clue = clues.stream().filter(found -> found.get("sourceEventId").asString()
                .equals(first.toString())).findFirst().orElseThrow();
        assertThat(clue.get("enterpriseCode").asString()).isEqualTo(unit);
        assertThat(clue.get("district").asString()).isEqualTo("双台子区");
        assertThat(clue.get("summary").asString())
                .isEqualTo("无证排污：排口 DW001 自 2026-11-29T16:00:00Z 起有监测数据，但无有效排污许可证（2026-11-30 发现）");
        assertThat(clue.get("details").get("producerEventType").asString()).isEqualTo("DischargeWithoutPermit");
        assertThat(clue.get("details").get("episodeId").asString()).isEqualTo(payload.get("episodeId").toString());
    }

    private JsonNode queue() {
        return JSON.readTree(web.get().uri("/api/enforcement/clues?size=50").header(HttpHeaders.AUTHORIZATION,
                INSPECTOR).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }
}
