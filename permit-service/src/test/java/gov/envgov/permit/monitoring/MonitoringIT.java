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
    void aBatchKeepsGoodReadingsRejectsBadOnesOneByOneAndFindsExceedanceEpisodes() {
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
                .jsonPath("$.newExceedances").isEqualTo(2)
                .jsonPath("$.rejected[*].index").isEqualTo(List.of(6, 7, 8, 9, 10, 11, 12, 13))
                .jsonPath("$.rejected[*].reason").isEqualTo(List.of("unknown-outlet", "unknown-pollutant",
                        "future-timestamp", "not-a-number", "duplicate", "missing-field", "not-your-enterprise",
                        "bad-timestamp"));
        assertThat(exceedanceEvents(unit)).isEqualTo(2);

        // NDJSON: a reading stored already is a duplicate; an exceedance 10 minutes later continues the open
        // episode (no new event); a reading within the limit ends it.
        String ndjson = String.join("\n",
                json(List.of(reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30))).replaceAll("^\\[|]$", ""),
                json(List.of(reading(unit, "DA001", "二氧化硫", "2026-03-10T00:50:00Z", 58))).replaceAll("^\\[|]$", ""),
                json(List.of(reading(unit, "DA001", "二氧化硫", "2026-03-10T01:00:00Z", 20))).replaceAll("^\\[|]$", ""))
                + "\n";
        send(owner, MediaType.APPLICATION_NDJSON, ndjson).expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(3)
                .jsonPath("$.stored").isEqualTo(2)
                .jsonPath("$.newExceedances").isEqualTo(0)
                .jsonPath("$.rejected[0].reason").isEqualTo("duplicate");
        assertThat(exceedanceEvents(unit)).isEqualTo(2);

        api.get(owner, "/api/monitoring/exceedances?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].startedAt").isEqualTo("2026-03-10T00:40:00Z")
                .jsonPath("$.items[0].endedAt").isEqualTo("2026-03-10T01:00:00Z")
                .jsonPath("$.items[0].readings").isEqualTo(2)
                .jsonPath("$.items[0].peak").isEqualTo(58.0)
                .jsonPath("$.items[1].peak").isEqualTo(70.5)
                .jsonPath("$.items[1].endedAt").isEqualTo("2026-03-10T00:30:00Z");

        // Hour 08:00 in Beijing holds the six readings 30, 60, 70.5, 40, 55, 58; four above 50.
        api.get(INSPECTOR, "/api/monitoring/means?enterprise=" + unit
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-10&interval=HOUR")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].period").isEqualTo("2026-03-10T08:00:00")
                .jsonPath("$[0].readings").isEqualTo(6)
                .jsonPath("$[0].exceeding").isEqualTo(4)
                .jsonPath("$[0].mean").value(mean -> assertThat(((Number) mean).doubleValue())
                        .isCloseTo(52.25, org.assertj.core.data.Offset.offset(0.001)))
                .jsonPath("$[1].period").isEqualTo("2026-03-10T09:00:00");
        api.get(INSPECTOR, "/api/monitoring/means?enterprise=" + unit
                        + "&outlet=DA001&pollutant=二氧化硫&from=2026-03-10&to=2026-03-10&interval=DAY")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].readings").isEqualTo(7)
                .jsonPath("$[0].max").isEqualTo(70.5);
    }

    @Test
    void exceedingReadingsSentLateFromBeforeTheOpenEpisodeFormAClosedEpisodeOfTheirOwn() {
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T01:00:00Z", 80),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T01:10:00Z", 81))))
                .expectStatus().isOk().expectBody().jsonPath("$.newExceedances").isEqualTo(1);
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:20:00Z", 70),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:30:00Z", 71),
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:40:00Z", 20))))
                .expectStatus().isOk().expectBody().jsonPath("$.stored").isEqualTo(3)
                .jsonPath("$.newExceedances").isEqualTo(1);
        api.get(owner, "/api/monitoring/exceedances?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].startedAt").isEqualTo("2026-03-10T01:00:00Z")
                .jsonPath("$.items[0].endedAt").doesNotExist()
                .jsonPath("$.items[1].startedAt").isEqualTo("2026-03-10T00:20:00Z")
                .jsonPath("$.items[1].endedAt").isEqualTo("2026-03-10T00:40:00Z")
                .jsonPath("$.items[1].readings").isEqualTo(2);
        assertThat(exceedanceEvents(unit)).isEqualTo(2);

        // An exceeding reading sent late from just before the open episode is that episode's beginning.
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:50:00Z", 90))))
                .expectStatus().isOk().expectBody().jsonPath("$.newExceedances").isEqualTo(0);
        api.get(owner, "/api/monitoring/exceedances?enterprise=" + unit + "&from=2026-03-01").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].startedAt").isEqualTo("2026-03-10T00:50:00Z")
                .jsonPath("$.items[0].readings").isEqualTo(3)
                .jsonPath("$.items[0].peak").isEqualTo(90.0);
        assertThat(exceedanceEvents(unit)).isEqualTo(2);
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
                .jsonPath("$[0].period").isEqualTo("2026-03-10T08:00:00")
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

    @Test
    void readingsWithoutAValidPermitAreRejectedAndAMalformedBodyIsABadRequest() {
        String unpermitted = api.newUnit("盘锦无证排污有限公司", "大洼区", "KEY");
        send(PermitApi.owner(unpermitted), MediaType.APPLICATION_JSON, json(List.of(
                reading(unpermitted, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30))))
                .expectStatus().isOk().expectBody().jsonPath("$.rejected[0].reason").isEqualTo("no-valid-permit");
        // The permit is valid from 10 March (Beijing): a reading from the 9th has no permit either.
        send(owner, MediaType.APPLICATION_JSON, json(List.of(
                reading(unit, "DA001", "二氧化硫", "2026-03-09T15:00:00Z", 30))))
                .expectStatus().isOk().expectBody().jsonPath("$.rejected[0].reason").isEqualTo("no-valid-permit");
        send(owner, MediaType.APPLICATION_JSON, "this is not json").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        send(owner, MediaType.APPLICATION_JSON, "[{\"enterprise\": \"x\"").expectStatus().isBadRequest();
        String tooLarge = json(java.util.Collections.nCopies(12_000,
                reading(unit, "DA001", "二氧化硫", "2026-03-10T00:00:00Z", 30)));
        send(owner, MediaType.APPLICATION_JSON, tooLarge).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
