package gov.envgov.enforcement.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.code.UnifiedSocialCreditCode;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inspector pool and the inspectors drawn for each drawn unit, through the service. The county rate is set to
 * draw every key unit, so that every unit gets a task.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.enforcement.draw.key-rates.COUNTY=1.0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskIT {

    static final String ADMIN = "Bearer " + TestTokens.of("admin1", "admin");
    static final String INSPECTOR1 = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String ENTERPRISE = "Bearer " + TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_task").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;

    final List<String> units = new ArrayList<>();
    final List<String> xinglongtai = new ArrayList<>();
    String inspector1;

    @BeforeEach
    void noDeclaredRelationsYet() {
        db.sql("DELETE FROM inspector_relation").then().block();
    }

    @BeforeAll
    void eightKeyUnitsAndSixInspectors() {
        FeedFixtures feed = new FeedFixtures("permit-service");
        for (int i = 0; i < 8; i++) {
            String code = UnifiedSocialCreditCode.complete(String.format("91211103MA0GK%04d", i));
            units.add(code);
            feed.enterprise("EnterpriseRegistered", code, "盘锦任务" + i + "有限公司", "兴隆台区", "KEY", 1);
        }
        feed.applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
        inspector1 = enrol("inspector1", "LNXLT0001", "兴隆台区", "2030-12-31");
        xinglongtai.add(inspector1);
        for (int i = 2; i <= 4; i++) {
            xinglongtai.add(enrol(null, "LNXLT000" + i, "兴隆台区", "2030-12-31"));
        }
        enrol(null, "LNXLTOLD1", "兴隆台区", "2020-01-01");
        enrol(null, "LNDW00001", "大洼区", "2030-12-31");
    }

    @Test
    void everyDrawnUnitGetsTwoCredentialedInspectorsOfItsDistrictWithoutADeclaredRelation() {
        String related = units.get(0);
        post("/api/enforcement/inspectors/" + xinglongtai.get(1) + "/relations", Map.of("enterpriseCode", related,
                "kind", "RELATIVE", "note", "配偶在该单位任职"), ADMIN, HttpStatus.CREATED);
        String draw = drawAllUnits("2026Q4", 8);
        JsonNode tasks = post("/api/enforcement/draws/" + draw + "/tasks", null, INSPECTOR1, HttpStatus.CREATED);
        assertThat(tasks).hasSize(8);
        for (JsonNode task : tasks) {
            List<String> assigned = texts(task.get("inspectors"));
            assertThat(assigned).hasSize(2).doesNotHaveDuplicates().isSubsetOf(xinglongtai);
            if (task.get("enterpriseCode").asString().equals(related)) {
                assertThat(assigned).doesNotContain(xinglongtai.get(1));
            }
        }
        expectProblem(web.post().uri("/api/enforcement/draws/" + draw + "/tasks")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR1), HttpStatus.CONFLICT, "urn:envgov:problem:tasks-exist");
        assertThat(JSON.readTree(web.get().uri("/api/enforcement/draws/" + draw + "/tasks")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR1).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody())).hasSize(8);
    }

    @Test
    void anInspectorWhoDeclaresAConflictIsReplacedAndTheRelationCountsLater() {
        String draw = drawAllUnits("2026Q3", 8);
        JsonNode tasks = post("/api/enforcement/draws/" + draw + "/tasks", null, INSPECTOR1, HttpStatus.CREATED);
        JsonNode mine = null;
        JsonNode notMine = null;
        for (JsonNode task : tasks) {
            if (texts(task.get("inspectors")).contains(inspector1)) {
                mine = mine == null ? task : mine;
            } else {
                notMine = notMine == null ? task : notMine;
            }
        }
        assertThat(mine).as("with 4 inspectors for 8 units, inspector1 is on some task").isNotNull();
        JsonNode replaced = post("/api/enforcement/tasks/" + mine.get("id").asString() + "/conflict",
                Map.of("kind", "INTEREST", "note", "持有该单位股份"), INSPECTOR1, HttpStatus.OK);
        List<String> after = texts(replaced.get("inspectors"));
        assertThat(after).hasSize(2).doesNotContain(inspector1).doesNotHaveDuplicates().isSubsetOf(xinglongtai);
        List<String> before = texts(mine.get("inspectors"));
        Set<String> kept = new HashSet<>(before);
        kept.remove(inspector1);
        assertThat(after).containsAll(kept);
        if (notMine != null) {
            web.post().uri("/api/enforcement/tasks/" + notMine.get("id").asString() + "/conflict")
                    .header(HttpHeaders.AUTHORIZATION, INSPECTOR1).bodyValue(Map.of("kind", "OTHER")).exchange()
                    .expectStatus().isNotFound();
        }
        assertThat(db.sql("SELECT count(*) AS n FROM inspector_relation WHERE inspector_id = :id AND kind = 'INTEREST'")
                .bind("id", java.util.UUID.fromString(inspector1)).map(row -> row.get("n", Long.class)).one()
                .block()).isEqualTo(1L);
        assertThat(db.sql("SELECT action FROM audit_log WHERE object_type = 'inspection-task' AND object_id = :id"
                        + " ORDER BY id").bind("id", mine.get("id").asString())
                .map(row -> row.get("action", String.class)).all().collectList().block())
                .containsExactly("assign", "replace-inspector");
    }

    @Test
    void tooFewEligibleInspectorsAndWrongRolesAreRefused() {
        for (String unit : units.subList(0, 1)) {
            for (String inspector : xinglongtai.subList(0, 3)) {
                post("/api/enforcement/inspectors/" + inspector + "/relations", Map.of("enterpriseCode", unit,
                        "kind", "OTHER"), ADMIN, HttpStatus.CREATED);
            }
        }
        String draw = drawAllUnits("2026Q2", 8);
        JsonNode problem = JSON.readTree(web.post().uri("/api/enforcement/draws/" + draw + "/tasks")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR1).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody().returnResult()
                .getResponseBody());
        assertThat(problem.get("errors").get(0).get("message").asString())
                .contains("unit " + units.get(0) + " has 1 eligible inspectors and needs 2");
        web.post().uri("/api/enforcement/inspectors").header(HttpHeaders.AUTHORIZATION, INSPECTOR1)
                .bodyValue(Map.of("name", "x", "credentialNumber", "LNX00001", "validUntil", "2030-01-01",
                        "department", "执法队")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/enforcement/inspectors").header(HttpHeaders.AUTHORIZATION, ENTERPRISE).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/enforcement/inspectors/" + xinglongtai.get(2) + "/relations")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR1)
                .bodyValue(Map.of("enterpriseCode", units.get(3), "kind", "OTHER")).exchange()
                .expectStatus().isForbidden();
        JsonNode badCredential = JSON.readTree(web.post().uri("/api/enforcement/inspectors")
                .header(HttpHeaders.AUTHORIZATION, ADMIN).bodyValue(Map.of("name", "x", "credentialNumber", "no",
                        "validUntil", "2030-01-01", "department", "执法队")).exchange()
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());
        assertThat(badCredential.get("errors").get(0).get("field").asString()).isEqualTo("credentialNumber");
    }

    private String enrol(String username, String credential, String district, String validUntil) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "检查员" + credential,
                "credentialNumber", credential, "validUntil", validUntil, "district", district,
                "department", "生态环境保护综合行政执法队"));
        if (username != null) {
            body.put("username", username);
        }
        return post("/api/enforcement/inspectors", body, ADMIN, HttpStatus.CREATED).get("id").asString();
    }

    /** A county draw of all key units (the rate is 100 % here). */
    private String drawAllUnits(String period, int expected) {
        String id = post("/api/enforcement/draws", Map.of("period", period, "level", "COUNTY", "district", "兴隆台区",
                "managementClass", "KEY"), INSPECTOR1, HttpStatus.CREATED).get("id").asString();
        JsonNode drawn = post("/api/enforcement/draws/" + id + "/draw", null, INSPECTOR1, HttpStatus.OK);
        assertThat(drawn.get("sampleSize").asInt()).isEqualTo(expected);
        return id;
    }

    private JsonNode post(String path, Object body, String token, HttpStatus status) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token);
        var exchange = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return JSON.readTree(exchange.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private void expectProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String type) {
        request.exchange().expectStatus().isEqualTo(status).expectBody().jsonPath("$.type").isEqualTo(type);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
