package gov.envgov.permit.monitoring;

import static gov.envgov.permit.testing.PermitApi.INSPECTOR;
import static gov.envgov.permit.testing.PermitApi.MONITORING_SYSTEM;
import static gov.envgov.permit.testing.PermitApi.OTHER_SERVICE;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/** Online-monitoring ingestion against a real PostgreSQL: checks per reading, COPY, episodes, means. */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false", "envgov.permit.monitoring.max-batch-size=1MB"})
@Import(MutableClock.Config.class)
class MonitoringIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit_monitoring").register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    EventFeed feed;

    @Autowired
    AnomalyService anomalyService;

    PermitApi api;
    String unit;
    String owner;

    @BeforeEach
    void issuePermit() {
        api = new PermitApi(web);
        clock.set(java.time.Instant.parse("2026-03-10T02:00:00Z"));
        unit = api.newUnit("盘锦北方沥青有限公司", "兴隆台区", "KEY");
        owner = PermitApi.owner(unit);
        api.issuedPermit(owner, unit, content(50, 12.0));
    }

    static Map<String, Object> reading(String enterprise, String outlet, String pollutant, String at,
                                       Object concentration) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("enterprise", enterprise);
        reading.put("outlet", outlet);
        reading.put("pollutant", pollutant);
        reading.put("timestamp", at);
        reading.put("concentration", concentration);
        reading.put("flow", 1200.5);
        return reading;
    }

    private WebTestClient.ResponseSpec send(String token, MediaType type, String body) {
        return web.post().uri("/api/monitoring/readings").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(type).bodyValue(body).exchange();
    }

    private long exceedanceEvents(String enterprise) {
        List<FeedEvent> events = feed.read(0, 10_000).block().events();
        return events.stream().filter(e -> e.type().equals("MonitoringExceedance"))
                .filter(e -> e.payload().get("enterpriseCode").asString().equals(enterprise)).count();
    }

    private static String json(List<Map<String, Object>> readings) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(readings);
    }

    @Test
    void aBatchKeepsGoodReadingsRejectsBadOnesOneByOneAndJudgesClosedHoursOnTheirMeans() {
        List<Map<String, Object>> batch = new ArrayList<>(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:10:00Z", 60),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T08:20:00+08:00", 70.5),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:30:00Z", 40),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:40:00Z", 55),
                reading(unit, "DW001", "化学需氧量", "2026-03-10T00:00:00Z", 100),
                reading(unit, "DA009", "二氧化硫", "2026-03-10T00:00:00Z", 10),
                reading(unit, "DA001", "汞及其化合物", "2026-03-10T00:00:00Z", 0.01),
                reading(unit, "DA001", "二氧化硫", "2026-03-11T00:00:00Z", 10),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:50:00Z", "abc"),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 31),
                reading(unit, null, "二氧化硫", "2026-03-10T00:00:00Z", 10),
                reading(PermitApi.ENT_B, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 10),
                reading(unit, "DA001", "二氧化硫", "yesterday", 10)));
        send(owner, MediaType.APPLICATION_JSON, json(batch)).expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(14)
                .jsonPath("$.stored").isEqualTo(6)
                // Single readings above 50 exceed nothing: the hour is judged on its mean once it is over.
                .jsonPath("$.newExceedances").isEqualTo(0)
                .jsonPath("$.rejected[*].index").isEqualTo(List.of(6, 7, 8, 9, 10, 11, 12, 13))
                .jsonPath("$.rejected[*].reason").isEqualTo(List.of("unknown-outlet", "unknown-pollutant",
                        "future-timestamp", "not-a-number", "duplicate", "missing-field", "not-your-enterprise",
                        "bad-timestamp"));
        assertThat(exceedanceEvents(unit)).isEqualTo(0);

        // NDJSON: a reading stored already is a duplicate; the reading of 01:00 closes the hour of 00:00 (UTC),
        // whose mean 52.25 is over the limit: an episode with one event.
        String ndjson = String.join("\n",
                json(List.of(reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30))).replaceAll("^\\[|]$", ""),
                json(List.of(reading(unit, "DA001", "二氧化硫", "2026-03-10T00:50:00Z", 58))).replaceAll("^\\[|]$", ""),
                json(List.of(reading(unit, "DA001", "二氧化硫", "2026-03-10T01:00:00Z", 20))).replaceAll("^\\[|]$", ""))
                + "\n";
        send(owner, MediaType.APPLICATION_NDJSON, ndjson).expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(3)
                .jsonPath("$.stored").isEqualTo(2)
                .jsonPath("$.newExceedances").isEqualTo(1)
                .jsonPath("$.rejected[0].reason").isEqualTo("duplicate");
        assertThat(exceedanceEvents(unit)).isEqualTo(1);
        api.get(owner, "/api/monitoring/exceedances?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].startedAt").isEqualTo("2026-03-10T08:00:00+08:00")
                .jsonPath("$.items[0].endedAt").doesNotExist()
                .jsonPath("$.items[0].readings").isEqualTo(1)
                .jsonPath("$.items[0].peak").isEqualTo(52.25);
        // The hour of 01:00 (mean 20) ends it once the reading of 02:00 closes that hour.
        clock.set(java.time.Instant.parse("2026-03-10T03:00:00Z"));
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T02:00:00Z", 10))))
                .expectStatus().isOk().expectBody().jsonPath("$.newExceedances").isEqualTo(0);
        api.get(owner, "/api/monitoring/exceedances?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].endedAt").isEqualTo("2026-03-10T09:00:00+08:00");

        // Hour 08:00 in Beijing holds the six readings 30, 60, 70.5, 40, 55, 58; four above 50. The hour is named
        // by its beginning with the bureau's offset (API-TIME-CONVENTION).
        api.get(INSPECTOR, "/api/monitoring/means?enterprise=" + unit
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-10&interval=HOUR")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].period").isEqualTo("2026-03-10T08:00:00+08:00")
                .jsonPath("$[0].readings").isEqualTo(6)
                .jsonPath("$[0].exceeding").isEqualTo(4)
                .jsonPath("$[0].mean").value(mean -> assertThat(((Number) mean).doubleValue())
                        .isCloseTo(52.25, org.assertj.core.data.Offset.offset(0.001)))
                .jsonPath("$[1].period").isEqualTo("2026-03-10T09:00:00+08:00")
                .jsonPath("$[0].flagged").isEqualTo(0);
        api.get(INSPECTOR, "/api/monitoring/means?enterprise=" + unit
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-10&interval=DAY")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].readings").isEqualTo(8)
                .jsonPath("$[0].max").isEqualTo(70.5);
    }

    private static Map<String, Object> flagged(Map<String, Object> reading, String flag) {
        reading.put("flag", flag);
        return reading;
    }

    /**
     * PERMIT-COMPLIANCE-ON-MEANS: waste gas is judged on hourly means and waste water on daily means of valid data;
     * flagged readings are stored but left out; episodes are runs of exceeding means. Judged on single readings,
     * the calibration spike of 95 and the readings of 60 and 70 would have been two episodes, and COD's 600 a third.
     */
    @Test
    void permitComplianceOnMeansOfValidDataFlaggedReadingsLeftOut() {
        clock.set(java.time.Instant.parse("2026-03-11T02:00:00Z"));
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T02:00:00Z", 40),
                flagged(reading(unit, "DA001", "二氧化硫", "2026-03-10T02:10:00Z", 95), "C"),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T02:20:00Z", 45),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T03:00:00Z", 60),
                flagged(reading(unit, "DA001", "二氧化硫", "2026-03-10T03:10:00Z", 70), "N"),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T04:00:00Z", 10),
                flagged(reading(unit, "DA001", "二氧化硫", "2026-03-10T04:10:00Z", 10), "X"),
                reading(unit, "DW001", "化学需氧量", "2026-03-10T01:00:00Z", 600),
                flagged(reading(unit, "DW001", "化学需氧量", "2026-03-10T03:00:00Z", 900), "MAINTENANCE"),
                reading(unit, "DW001", "化学需氧量", "2026-03-10T05:00:00Z", 450))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(9)
                .jsonPath("$.rejected[0].reason").isEqualTo("bad-flag")
                // Hour 02 (UTC): valid mean 42.5; hour 03: 65, an episode; hour 04 still open. COD's day is open.
                .jsonPath("$.newExceedances").isEqualTo(1);
        assertThat(exceedanceEvents(unit)).isEqualTo(1);
        api.get(INSPECTOR, "/api/monitoring/means?enterprise=" + unit
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-10&interval=HOUR")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].period").isEqualTo("2026-03-10T10:00:00+08:00")
                .jsonPath("$[0].readings").isEqualTo(2)
                .jsonPath("$[0].flagged").isEqualTo(1)
                .jsonPath("$[0].max").isEqualTo(45.0);

        // A reading of the next day (Beijing) closes COD's day: its daily mean of valid data, 525, is over 500.
        // A reading of 05:00 closes the hour of 04:00 (mean 10): the gas episode ends.
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DW001", "化学需氧量", "2026-03-10T17:00:00Z", 100),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T05:00:00Z", 20))))
                .expectStatus().isOk().expectBody().jsonPath("$.newExceedances").isEqualTo(1);
        api.get(owner, "/api/monitoring/exceedances?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[?(@.outlet == 'DA001')].startedAt").isEqualTo(List.of("2026-03-10T11:00:00+08:00"))
                .jsonPath("$.items[?(@.outlet == 'DA001')].endedAt").isEqualTo(List.of("2026-03-10T12:00:00+08:00"))
                .jsonPath("$.items[?(@.outlet == 'DA001')].peak").isEqualTo(List.of(65.0))
                .jsonPath("$.items[?(@.outlet == 'DW001')].startedAt").isEqualTo(List.of("2026-03-10T00:00:00+08:00"))
                .jsonPath("$.items[?(@.outlet == 'DW001')].peak").isEqualTo(List.of(525.0));
        assertThat(exceedanceEvents(unit)).isEqualTo(2);
    }

    /**
     * PERMIT-SUPERVISION-TRIGGER: daily means over the limit on 10 of 30 days publish one
     * MonitoringSupervisionTriggered event (there was none before).
     */
    @Test
    void permitSupervisionTriggerDailyMeansOverTheLimitOnTenOfThirtyDays() {
        clock.set(java.time.Instant.parse("2026-03-25T02:00:00Z"));
        List<Map<String, Object>> days = new ArrayList<>();
        for (int day = 10; day <= 20; day++) {
            // 12:00 in Beijing each day; every other day within the limit up to the 14th.
            boolean over = day > 14 || day % 2 == 0;
            days.add(reading(unit, "DW001", "化学需氧量", "2026-03-" + day + "T04:00:00Z", over ? 600 : 100));
        }
        days.add(reading(unit, "DW001", "化学需氧量", "2026-03-21T04:00:00Z", 100));
        send(owner, MediaType.APPLICATION_JSON, json(days)).expectStatus().isOk();
        List<FeedEvent> triggers = feed.read(0, 10_000).block().events().stream()
                .filter(e -> e.type().equals("MonitoringSupervisionTriggered"))
                .filter(e -> e.payload().get("enterpriseCode").asString().equals(unit)).toList();
        // Over on the 10th, 12th, 14th to 20th: 9 days. Not yet.
        assertThat(triggers).isEmpty();
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DW001", "化学需氧量", "2026-03-22T04:00:00Z", 700),
                reading(unit, "DW001", "化学需氧量", "2026-03-23T04:00:00Z", 700)))).expectStatus().isOk();
        // The 23rd is the 11th day over, within the same window: no second event.
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DW001", "化学需氧量", "2026-03-24T04:00:00Z", 100)))).expectStatus().isOk();
        triggers = feed.read(0, 10_000).block().events().stream()
                .filter(e -> e.type().equals("MonitoringSupervisionTriggered"))
                .filter(e -> e.payload().get("enterpriseCode").asString().equals(unit)).toList();
        assertThat(triggers).singleElement().satisfies(event -> {
            assertThat(event.payload().get("daysOver").asInt()).isEqualTo(10);
            assertThat(event.payload().get("windowTo").asString()).isEqualTo("2026-03-22");
            assertThat(event.payload().get("outlet").asString()).isEqualTo("DW001");
        });
    }

    private List<String> anomalyEvents(String enterprise) {
        return feed.read(0, 10_000).block().events().stream()
                .filter(e -> e.type().equals("MonitoringDataAnomaly"))
                .filter(e -> e.payload().get("enterpriseCode").asString().equals(enterprise))
                .map(e -> e.payload().get("kind").asString() + " " + e.payload().get("outlet").asString()).toList();
    }

    /**
     * PERMIT-DATA-ANOMALY: a value above the analyser's range, constant values over the configured run and an
     * outlet silent longer than configured are signals: listed for staff and published once each.
     */
    @Test
    @SuppressWarnings("unchecked")
    void permitDataAnomalyOutOfRangeConstantValuesAndSilenceAreSignalledOnce() {
        clock.set(java.time.Instant.parse("2026-03-10T06:00:00Z"));
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 1500));
        batch.add(reading(unit, "DA001", "二氧化硫", "2026-03-10T00:10:00Z", 30));
        for (int i = 0; i < 12; i++) {
            batch.add(reading(unit, "DW001", "化学需氧量",
                    java.time.Instant.parse("2026-03-10T00:00:00Z").plusSeconds(1800L * i).toString(), 250));
        }
        send(owner, MediaType.APPLICATION_JSON, json(batch)).expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(14);
        assertThat(anomalyEvents(unit)).containsExactlyInAnyOrder("OUT_OF_RANGE DA001", "CONSTANT DW001");

        // Six hours without data (more than the configured four): both outlets are silent; once. (Other tests'
        // units share the database, so the count is at least this unit's two.)
        clock.set(java.time.Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(anomalyService.detectSilence().block()).isGreaterThanOrEqualTo(2);
        assertThat(anomalyService.detectSilence().block()).isZero();
        assertThat(anomalyEvents(unit)).hasSize(4).contains("SILENT DA001", "SILENT DW001");

        // Data again ends the silence, and a different value ends the constant run.
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T11:00:00Z", 30),
                reading(unit, "DW001", "化学需氧量", "2026-03-10T11:00:00Z", 260)))).expectStatus().isOk();
        api.get(INSPECTOR, "/api/monitoring/anomalies?from=2026-03-01").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.enterpriseCode == '" + unit + "')].kind").value(kinds ->
                        assertThat((List<String>) kinds).containsExactlyInAnyOrder("OUT_OF_RANGE", "CONSTANT",
                                "SILENT", "SILENT"))
                .jsonPath("$[?(@.enterpriseCode == '" + unit + "' && @.kind == 'OUT_OF_RANGE')].endedAt")
                .isEqualTo(List.of("2026-03-10T08:10:00+08:00"))
                .jsonPath("$[?(@.enterpriseCode == '" + unit + "' && @.kind == 'CONSTANT')].endedAt")
                .isEqualTo(List.of("2026-03-10T19:00:00+08:00"))
                .jsonPath("$[?(@.enterpriseCode == '" + unit + "' && @.kind == 'SILENT')].endedAt")
                .isEqualTo(List.of("2026-03-10T19:00:00+08:00", "2026-03-10T19:00:00+08:00"));
        assertThat(anomalyEvents(unit)).hasSize(4);
        api.get(owner, "/api/monitoring/anomalies?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk();
        api.get(owner, "/api/monitoring/anomalies?from=2026-03-01").expectStatus().isNotFound();
    }

    @Test
    void valuesPostgresqlWouldNotTakeAsSentAreStoredAsParsed() {
        send(owner, MediaType.APPLICATION_JSON, "[{\"enterprise\":\"" + unit + "\",\"outlet\":\"DA001\","
                        + "\"pollutant\":\"二氧化硫\",\"timestamp\":\"2026-03-10T16:30:00+16:00\","
                        + "\"concentration\":1e-400,\"flow\":2.5E+3}]")
                .expectStatus().isOk().expectBody().jsonPath("$.stored").isEqualTo(1);
        api.get(owner, "/api/monitoring/means?enterprise=" + unit
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-10&interval=HOUR")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].period").isEqualTo("2026-03-10T08:00:00+08:00")
                .jsonPath("$[0].mean").isEqualTo(0.0);
    }

    @Test
    void onlyTheEnterpriseOrARegisteredMonitoringSystemSendsReadings() {
        String body = json(List.of(reading(unit, "DW001", "化学需氧量", "2026-03-10T00:10:00Z", 120)));
        send(MONITORING_SYSTEM, MediaType.APPLICATION_JSON, body).expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(1);
        send(OTHER_SERVICE, MediaType.APPLICATION_JSON, body).expectStatus().isForbidden();
        send(INSPECTOR, MediaType.APPLICATION_JSON, body).expectStatus().isForbidden();
        send(PermitApi.owner(PermitApi.ENT_B), MediaType.APPLICATION_JSON, body).expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(0)
                .jsonPath("$.rejected[0].reason").isEqualTo("not-your-enterprise");
        api.get(PermitApi.owner(PermitApi.ENT_B), "/api/monitoring/exceedances?enterprise=" + unit
                + "&from=2026-03-01").expectStatus().isNotFound();
        api.get(PermitApi.owner(PermitApi.ENT_B), "/api/monitoring/means?enterprise=" + unit
                + "&outlet=DW001&pollutant=化学需氧量&from=2026-03-10&to=2026-03-10").expectStatus().isNotFound();
    }

    private List<FeedEvent> dischargeEvents(String enterprise) {
        return feed.read(0, 10_000).block().events().stream()
                .filter(e -> e.type().equals("DischargeWithoutPermit"))
                .filter(e -> e.payload().get("enterpriseCode").asString().equals(enterprise)).toList();
    }

    /**
     * PERMIT-DISCHARGE-WITHOUT-PERMIT: readings of a unit without a valid permit are kept, marked, and published
     * once per outlet and episode as DischargeWithoutPermit (they used to be rejected as no-valid-permit).
     */
    @Test
    void permitDischargeWithoutPermitReadingsAreKeptMarkedAndPublishedOncePerOutletAndEpisode() {
        String unpermitted = api.newUnit("盘锦无证排污有限公司", "大洼区", "KEY");
        String unpermittedOwner = PermitApi.owner(unpermitted);
        send(unpermittedOwner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unpermitted, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30),
                reading(unpermitted, "DA001", "氮氧化物", "2026-03-10T00:00:00Z", 80),
                reading(unpermitted, "DA001", "二氧化硫", "2026-03-10T01:00:00Z", 32),
                reading(unpermitted, "DW001", "化学需氧量", "2026-03-10T00:00:00Z", 200))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(4)
                .jsonPath("$.withoutPermit").isEqualTo(4)
                .jsonPath("$.newDischargesWithoutPermit").isEqualTo(2)
                .jsonPath("$.newExceedances").isEqualTo(0)
                .jsonPath("$.rejected.length()").isEqualTo(0);
        List<FeedEvent> first = dischargeEvents(unpermitted);
        assertThat(first).hasSize(2);
        FeedEvent da001 = first.stream().filter(e -> e.payload().get("outlet").asString().equals("DA001"))
                .findFirst().orElseThrow();
        assertThat(da001.payload().get("detectedOn").asString()).isEqualTo("2026-03-10");
        assertThat(da001.payload().get("startedAt").asString()).isEqualTo("2026-03-10T08:00:00+08:00");
        assertThat(java.util.UUID.fromString(da001.payload().get("episodeId").asString())).isNotNull();

        // Within the gap (24 h) the episode goes on without a new event; after a longer silence a new one begins.
        clock.set(java.time.Instant.parse("2026-03-12T02:00:00Z"));
        send(unpermittedOwner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unpermitted, "DA001", "二氧化硫", "2026-03-10T20:00:00Z", 31),
                reading(unpermitted, "DA001", "二氧化硫", "2026-03-12T00:00:00Z", 33))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.withoutPermit").isEqualTo(2)
                .jsonPath("$.newDischargesWithoutPermit").isEqualTo(1);
        assertThat(dischargeEvents(unpermitted)).hasSize(3);
        api.get(INSPECTOR, "/api/monitoring/discharges-without-permit?enterprise=" + unpermitted
                        + "&from=2026-03-01").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].startedAt").isEqualTo("2026-03-12T08:00:00+08:00")
                .jsonPath("$[0].endedAt").doesNotExist()
                .jsonPath("$[?(@.outlet == 'DA001')].lastReading")
                .isEqualTo(List.of("2026-03-12T08:00:00+08:00", "2026-03-11T04:00:00+08:00"))
                .jsonPath("$[?(@.outlet == 'DA001')].readings").isEqualTo(List.of(1, 4));
        // The readings are stored: the means show them, with no permitted concentration.
        api.get(INSPECTOR, "/api/monitoring/means?enterprise=" + unpermitted
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-12&interval=DAY")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[*].readings").isEqualTo(List.of(2, 1, 1));

        // The permit is valid from 10 March (Beijing): a reading from the 9th is discharge without a permit too.
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-09T15:00:00Z", 30))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.withoutPermit").isEqualTo(1)
                .jsonPath("$.newDischargesWithoutPermit").isEqualTo(1);
        assertThat(dischargeEvents(unit)).singleElement().satisfies(event ->
                assertThat(event.payload().get("detectedOn").asString()).isEqualTo("2026-03-09"));
    }

    /**
     * PERMIT-DISCHARGE-WITHOUT-PERMIT: only a registered unit that needs a permit (key or simplified) discharges
     * without one; a registration-only unit and an unregistered code are refused, and no event is published.
     */
    @Test
    void permitDischargeWithoutPermitNeverForARegistrationOnlyUnitOrAnUnregisteredCode() {
        String registrationOnly = api.newUnit("盘锦登记管理示范有限公司", "大洼区", "REGISTRATION");
        send(PermitApi.owner(registrationOnly), MediaType.APPLICATION_JSON, json(List.of(
                reading(registrationOnly, "DA001", "颗粒物", "2026-03-10T00:00:00Z", 12))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(0)
                .jsonPath("$.withoutPermit").isEqualTo(0)
                .jsonPath("$.rejected[0].reason").isEqualTo("no-permit-held");
        String unregistered = "91211122MA0GD0003W";
        send(PermitApi.owner(unregistered), MediaType.APPLICATION_JSON, json(List.of(
                reading(unregistered, "DA001", "颗粒物", "2026-03-10T00:00:00Z", 12))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.stored").isEqualTo(0)
                .jsonPath("$.rejected[0].reason").isEqualTo("unknown-enterprise");
        assertThat(dischargeEvents(registrationOnly)).isEmpty();
        assertThat(dischargeEvents(unregistered)).isEmpty();
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        send(owner, MediaType.APPLICATION_JSON, "this is not json").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        send(owner, MediaType.APPLICATION_JSON, "[{\"enterprise\": \"x\"").expectStatus().isBadRequest();
        String tooLarge = json(java.util.Collections.nCopies(12_000,
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30)));
        send(owner, MediaType.APPLICATION_JSON, tooLarge).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
