package gov.envgov.enforcement.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Side measures on a real case through the service: clocks, accumulation, the case's record, who may act. */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class MeasureIT {

    static final String UNIT = "91211103MA0GA0001Y";
    static final String INSPECTOR1 = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String INSPECTOR3 = "Bearer " + TestTokens.staff("inspector3", "大洼区", "inspector");
    static final String ENT_A = "Bearer " + TestTokens.enterprise("ent-a", UNIT);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_measure").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    MeasureService measures;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aDailyContinuousPenaltyAccumulatesAndSealingKeepsItsClockInTheCasesRecord() {
        clock.set(Instant.now());
        String id = decidedCase("HIDDEN_PIPE", 100000);
        String base = "/api/enforcement/cases/" + id + "/measures";
        web.post().uri(base + "/daily-penalty").header(HttpHeaders.AUTHORIZATION, ENT_A)
                .bodyValue(Map.of("orderServedOn", today.toString())).exchange().expectStatus().isForbidden();
        JsonNode daily = post(base + "/daily-penalty", Map.of("orderServedOn", today.toString()), HttpStatus.CREATED);
        assertThat(daily.get("reinspectionDue").asString()).isEqualTo(today.plusDays(30).toString());
        String measure = daily.get("id").asString();
        JsonNode open = post(base + "/" + measure + "/reinspections", Map.of("on", today.plusDays(31).toString(),
                "covert", true, "continuing", true), HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(open.get("type").asString()).isEqualTo("urn:envgov:problem:reinspection-window");
        JsonNode assessed = post(base + "/" + measure + "/reinspections", Map.of("on", today.plusDays(12).toString(),
                "covert", true, "continuing", true), HttpStatus.OK);
        assertThat(assessed.get("total").asInt()).isEqualTo(1200000);
        assertThat(post(base + "/" + measure + "/reinspections", Map.of("on", today.plusDays(20).toString(),
                "covert", true, "refused", true), HttpStatus.OK).get("total").asInt()).isEqualTo(2000000);

        JsonNode sealing = post(base + "/sealing", Map.of("startedOn", today.toString()), HttpStatus.CREATED);
        assertThat(sealing.get("endsOn").asString()).isEqualTo(today.plusDays(30).toString());
        String sealed = sealing.get("id").asString();
        assertThat(post(base + "/" + sealed + "/extension", Map.of("reason", "情况复杂"), HttpStatus.OK)
                .get("endsOn").asString()).isEqualTo(today.plusDays(60).toString());
        assertThat(post(base + "/" + sealed + "/extension", Map.of("reason", "again"), HttpStatus.CONFLICT)
                .get("type").asString()).isEqualTo("urn:envgov:problem:extended-once");
        JsonNode notApplicable = post("/api/enforcement/cases/" + decidedCase("REPORT_NOT_FILED", 20000)
                        + "/measures/daily-penalty", Map.of("orderServedOn", today.toString()),
                HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(notApplicable.get("errors").get(0).get("field").asString()).isEqualTo("violation");

        JsonNode queue = get("/api/enforcement/measures");
        assertThat(queue.get("total").asInt()).isEqualTo(2);
        assertThat(queue.get("items").get(0).get("id").asString()).isEqualTo(measure);
        assertThat(get(base).size()).isEqualTo(2);
        assertThat(strings("SELECT event_type FROM event_outbox WHERE aggregate_id = '" + id + "'"
                + " AND (event_type LIKE '%Measure%' OR event_type = 'DailyPenaltyAssessed') ORDER BY position"))
                .containsExactly("SideMeasureStarted", "DailyPenaltyAssessed", "DailyPenaltyAssessed",
                        "SideMeasureStarted", "SideMeasureExtended");
        assertThat(get("/api/enforcement/cases/" + id + "/record/verification").get("intact").asBoolean()).isTrue();
        assertThat(strings("SELECT action FROM audit_log WHERE object_type = 'case' AND object_id = '" + id
                + "' ORDER BY id")).endsWith("start-daily-penalty", "reinspect", "reinspect", "start-sealing",
                "extend-measure");

        // ENF-MEASURE-CLOCK: past the re-inspection due and the sealing's end, each deadline is reported once.
        clock.set(Instant.now().plus(Duration.ofDays(61)));
        assertThat(measures.passDeadlines(1).block()).isEqualTo(2L);
        assertThat(measures.passDeadlines(1).block()).isZero();
        assertThat(strings("SELECT payload->>'kind' FROM event_outbox WHERE event_type = 'MeasureDeadlinePassed'"
                + " ORDER BY position")).containsExactly("DAILY_PENALTY", "SEALING");
        assertThat(get("/api/enforcement/measures").get("items").get(0).get("overdue").asBoolean()).isTrue();
    }

    private String decidedCase(String violation, int fine) {
        String clue = JSON.readTree(web.post().uri("/api/enforcement/clues").header(HttpHeaders.AUTHORIZATION,
                        INSPECTOR1).bodyValue(Map.of("enterpriseCode", UNIT, "summary", "夜间偷排")).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();
        String id = post("/api/enforcement/clues/" + clue + "/case", Map.of("party", "ORGANISATION",
                "violation", violation, "legalBasis", "水污染防治法 第八十三条", "violationEndedOn", today.toString(),
                "investigators", List.of("inspector1", "inspector2")), HttpStatus.CREATED).get("id").asString();
        post("/api/enforcement/cases/" + id + "/investigation", null, HttpStatus.OK);
        post("/api/enforcement/cases/" + id + "/review", null, HttpStatus.OK);
        web.post().uri("/api/enforcement/cases/" + id + "/notice").header(HttpHeaders.AUTHORIZATION, INSPECTOR3)
                .bodyValue(Map.of("proposedFine", fine)).exchange().expectStatus().isOk();
        post("/api/enforcement/cases/" + id + "/decision", Map.of("outcome", "PENALTY", "fine", fine,
                "reason", "逃避监管排放"), HttpStatus.OK);
        return id;
    }

    private JsonNode post(String path, Object body, HttpStatus status) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, INSPECTOR1);
        var exchange = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return JSON.readTree(exchange.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private JsonNode get(String path) {
        return JSON.readTree(web.get().uri(path).header(HttpHeaders.AUTHORIZATION, INSPECTOR1).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private List<String> strings(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
