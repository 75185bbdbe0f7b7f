package gov.envgov.credit.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.schedule.ClockTask;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A monitoring firm that falsified data, registered as a subject (CRD-SUBJECT-AGENCY), noticed, listed on the public
 * list without its facts, found by the public lookup, and removed by the clock at the maximum period.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class ListIT {

    static final String AGENCY = "91211102MA0GE0005U";
    static final String OFFICER = "Bearer " + TestTokens.of("credit1", "credit_officer");
    static final String AS_AGENCY = "Bearer " + TestTokens.enterprise("agency", AGENCY);
    static final String AS_OTHER = "Bearer " + TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit_list").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<ClockTask> clockTasks;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;

    @Test
    void aServiceAgencyIsNoticedListedFoundByItsCodeAndRemovedAtTheMaximumPeriod() {
        clock.setDay("2026-03-02");
        post("/api/credit/subjects/agencies", OFFICER, Map.of("code", AGENCY, "name", "盘锦示范环境监测有限公司",
                "district", "双台子区"), 201);
        post("/api/credit/subjects/agencies", OFFICER, Map.of("code", AGENCY, "name", "again", "district", "x"),
                409);
        post("/api/credit/blacklist", OFFICER, Map.of("subjectCode", AGENCY, "severity", "SERIOUS",
                "legalBasis", "", "facts", "篡改自动监测数据"), 400);
        JsonNode noticed = post("/api/credit/blacklist", OFFICER, Map.of("subjectCode", AGENCY,
                "severity", "SERIOUS", "legalBasis", "环境保护法 第六十五条；国办发〔2020〕49号",
                "facts", "运维人员张某篡改自动监测数据"), 201);
        String id = noticed.get("id").asString();
        assertThat(noticed.get("status").asString()).isEqualTo("NOTICED");
        // Five working days from Mon 2 March.
        assertThat(noticed.get("respondBy").asString()).isEqualTo("2026-03-09");
        post("/api/credit/blacklist/" + id + "/listing", OFFICER, Map.of(), 409);
        post("/api/credit/my/blacklist/" + id + "/response", AS_OTHER, Map.of("response", "不是我"), 404);
        post("/api/credit/my/blacklist/" + id + "/response", AS_AGENCY, Map.of("response", "设备故障所致"), 200);

        JsonNode listed = post("/api/credit/blacklist/" + id + "/listing", OFFICER, Map.of(), 200);
        assertThat(listed.get("minUntil").asString()).isEqualTo("2027-03-02");
        assertThat(listed.get("maxUntil").asString()).isEqualTo("2029-03-02");

        JsonNode list = JSON.readTree(web.get().uri("/api/public/blacklist?q=监测&size=10").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode entry = list.get("items").get(0);
        assertThat(entry.get("creditCode").asString()).isEqualTo(AGENCY);
        assertThat(entry.has("facts")).isFalse();
        assertThat(list.toString()).doesNotContain("张某");
        JsonNode lookup = JSON.readTree(web.get().uri("/api/public/credit/" + AGENCY).exchange().expectStatus()
                .isOk().expectBody().returnResult().getResponseBody());
        assertThat(lookup.get("listed").asBoolean()).isTrue();
        assertThat(lookup.get("listEntry").get("maxUntil").asString()).isEqualTo("2029-03-02");

        clock.setDay("2029-03-01");
        runExpiry();
        assertThat(publicTotal()).isEqualTo(1);
        clock.setDay("2029-03-02");
        runExpiry();
        assertThat(publicTotal()).isZero();
        assertThat(db.sql("SELECT count(*) AS n FROM event_outbox WHERE event_type IN"
                        + " ('ListingNoticed', 'SevereDishonestyListed', 'SevereDishonestyRemoved')")
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(3L);
        web.get().uri("/api/public/credit/" + AGENCY).exchange().expectStatus().isNotFound();
    }

    @Test
    void crdSchemeVersionTheSchemesAndTheVersionInForceArePublicToRead() {
        JsonNode schemes = JSON.readTree(web.get().uri("/api/public/credit/schemes").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(schemes.findValuesAsString("version")).containsExactlyInAnyOrder("AH-1", "CN-2013-1",
                "LN-2022-1");
        JsonNode inForce = JSON.readTree(web.get().uri("/api/public/credit/schemes/in-force?period=2026").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(inForce.get("version").asString()).isEqualTo("LN-2022-1");
        assertThat(inForce.get("placeholder").asBoolean()).isTrue();
        web.get().uri("/api/public/credit/schemes/in-force?period=2019").exchange().expectStatus().isEqualTo(422);
        web.get().uri("/api/public/credit/schemes/NO-SUCH").exchange().expectStatus().isNotFound();
    }

    private long publicTotal() {
        return JSON.readTree(web.get().uri("/api/public/blacklist").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody()).get("total").asLong();
    }

    private void runExpiry() {
        clockTasks.stream().filter(task -> task.name().equals("credit-list-expiry")).findFirst().orElseThrow()
                .run().block();
    }

    private JsonNode post(String path, String token, Object body, int status) {
        byte[] response = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return response == null ? JSON.createObjectNode() : JSON.readTree(response);
    }
}
