package gov.envgov.enforcement.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** ENF-DRAW-VERIFIABLE: a draw through the service, re-run from its publication alone by the standalone verifier. */
@ServiceTest
class DrawIT {

    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String LEGAL = "Bearer " + TestTokens.staff("legal1", "兴隆台区", "legal_reviewer");
    static final String ENTERPRISE = "Bearer " + TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_draw").register(registry);
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
    DrawProperties properties;

    final List<String> keyUnits = new ArrayList<>();

    @BeforeEach
    void twelveKeyUnitsInXinglongtaiAndOthersOutOfScope() {
        FeedFixtures permitFeed = new FeedFixtures("permit-service");
        for (int i = 0; i < 12; i++) {
            String code = UnifiedSocialCreditCode.complete(String.format("91211103MA0GT%04d", i));
            keyUnits.add(code);
            permitFeed.enterprise("EnterpriseRegistered", code, "盘锦抽查" + i + "有限公司", "兴隆台区", "KEY", 1);
        }
        permitFeed.enterprise("EnterpriseRegistered", UnifiedSocialCreditCode.complete("91211104MA0GT0100"),
                "盘锦大洼重点有限公司", "大洼区", "KEY", 1);
        permitFeed.enterprise("EnterpriseRegistered", UnifiedSocialCreditCode.complete("91211103MA0GT0200"),
                "盘锦简化有限公司", "兴隆台区", "SIMPLIFIED", 1);
        permitFeed.applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
    }

    @Test
    void aPublishedDrawIsReRunFromItsPublicationAloneAndTamperingIsCaught(@TempDir Path dir) throws Exception {
        JsonNode announced = post("/api/enforcement/draws", plan("2026Q4"), INSPECTOR, HttpStatus.CREATED);
        String id = announced.get("id").asString();
        String commitment = announced.get("seedCommitment").asString();
        assertThat(announced.get("status").asString()).isEqualTo("ANNOUNCED");
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertThat(announced.has("seed")).isFalse();

        expectProblem(web.get().uri("/api/public/inspections/draws/" + id + "/verification"), HttpStatus.CONFLICT,
                "urn:envgov:problem:draw-not-published");

        JsonNode drawn = post("/api/enforcement/draws/" + id + "/draw", null, INSPECTOR, HttpStatus.OK);
        assertThat(drawn.get("status").asString()).isEqualTo("DRAWN");
        assertThat(drawn.get("poolSize").asInt()).isEqualTo(12);
        // ENF-DRAW-RATE: a quarter of the county's twelve key dischargers.
        assertThat(drawn.get("sampleSize").asInt()).isEqualTo(3);
        List<String> selection = texts(drawn.get("selection"));
        assertThat(selection).hasSize(3).doesNotHaveDuplicates().isSubsetOf(keyUnits);
        assertThat(drawn.get("resultsDue").asString()).isNotBlank();

        JsonNode confidential = get("/api/public/inspections/draws/" + id, null);
        assertThat(confidential.get("snapshotHash").asString()).isEqualTo(drawn.get("snapshotHash").asString());
        assertThat(confidential.has("selection")).isFalse();
        assertThat(confidential.has("seed")).isFalse();
        assertThat(confidential.get("sampleSize").asInt()).isEqualTo(3);

        JsonNode published = post("/api/enforcement/draws/" + id + "/publication", null, INSPECTOR, HttpStatus.OK);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode result = get("/api/public/inspections/draws/" + id, null);
        assertThat(texts(result.get("selection"))).isEqualTo(selection);

        JsonNode verification = get("/api/public/inspections/draws/" + id + "/verification", null);
        String seed = verification.get("seed").asString();
        assertThat(verification.get("seedCommitment").asString()).isEqualTo(commitment)
                .isEqualTo(DrawAlgorithm.sha256Hex(HexFormat.of().parseHex(seed)));
        assertThat(verification.get("algorithm").asString()).isEqualTo("envgov-draw-v1");
        assertThat(verification.get("snapshot")).hasSize(12);
        assertThat(verification.get("snapshot").get(0).get("weight").asInt()).isEqualTo(10);
        assertThat(texts(verification.get("selection"))).isEqualTo(selection);

        assertThat(verify(dir, "as-published", verification)).isEqualTo("MATCH");

        ObjectNode otherSeed = (ObjectNode) verification.deepCopy();
        otherSeed.put("seed", flipLastHexDigit(seed));
        assertThat(verify(dir, "other-seed", otherSeed)).startsWith("MISMATCH: the seed");

        ObjectNode fewerUnits = (ObjectNode) verification.deepCopy();
        ((ArrayNode) fewerUnits.get("snapshot")).remove(5);
        assertThat(verify(dir, "fewer-units", fewerUnits)).startsWith("MISMATCH: the snapshot does not hash");

        ObjectNode heavier = (ObjectNode) verification.deepCopy();
        ((ObjectNode) heavier.get("snapshot").get(0)).put("weight", 40);
        assertThat(verify(dir, "heavier", heavier)).startsWith("MISMATCH: the snapshot does not hash");

        ObjectNode otherSelection = (ObjectNode) verification.deepCopy();
        ArrayNode swapped = JSON.createArrayNode();
        swapped.add(selection.get(1)).add(selection.get(0)).add(selection.get(2));
        otherSelection.set("selection", swapped);
        assertThat(verify(dir, "other-order", otherSelection)).startsWith("MISMATCH: re-running the draw");

        assertThat(db.sql("SELECT event_type FROM event_outbox WHERE aggregate_id = :id ORDER BY event_type")
                .bind("id", id).map(row -> row.get("event_type", String.class)).all().collectList().block())
                .containsExactly("DrawAnnounced", "DrawPerformed", "DrawPublished");
        assertThat(db.sql("SELECT action FROM audit_log WHERE object_type = 'draw' AND object_id = :id ORDER BY id")
                .bind("id", id).map(row -> row.get("action", String.class)).all().collectList().block())
                .containsExactly("announce", "draw", "publish");
    }

    @Test
    void aPlanIsDrawnOnceAndItsScopeCannotBePlannedAgain() {
        String id = post("/api/enforcement/draws", plan("2026Q3"), INSPECTOR, HttpStatus.CREATED).get("id")
                .asString();
        post("/api/enforcement/draws/" + id + "/draw", null, INSPECTOR, HttpStatus.OK);
        expectProblem(web.post().uri("/api/enforcement/draws/" + id + "/draw")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR), HttpStatus.CONFLICT,
                "urn:envgov:problem:invalid-transition");
        expectProblem(web.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .bodyValue(plan("2026Q3")), HttpStatus.CONFLICT, "urn:envgov:problem:draw-exists");
    }

    @Test
    void onlyInspectorsAndAdminsDrawAndThePublicOnlyReads() {
        web.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION, ENTERPRISE)
                .bodyValue(plan("2026Q2")).exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION, LEGAL)
                .bodyValue(plan("2026Q2")).exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/draws").bodyValue(plan("2026Q2")).exchange().expectStatus()
                .isUnauthorized();
        web.get().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION, ENTERPRISE).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/public/inspections/draws").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.page").isEqualTo(0);
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndWhatIsAccepted() {
        expectField(Map.of("period", "2026-Q4", "level", "COUNTY", "district", "兴隆台区",
                "managementClass", "KEY"), HttpStatus.BAD_REQUEST, "period", "2026Q4");
        expectField(Map.of("period", "2026Q4", "level", "COUNTY", "district", "兴隆台区",
                "managementClass", "BIG"), HttpStatus.BAD_REQUEST, "managementClass", "KEY, SIMPLIFIED or REGISTRATION");
        expectField(Map.of("period", "2026Q4", "level", "COUNTY", "district", "北京",
                "managementClass", "KEY"), HttpStatus.UNPROCESSABLE_CONTENT, "district", "not a district");
        expectField(Map.of("period", "2026Q4", "level", "COUNTY", "managementClass", "KEY"),
                HttpStatus.UNPROCESSABLE_CONTENT, "district", "one district");
        expectField(Map.of("period", "2026Q4", "level", "CITY", "managementClass", "SIMPLIFIED"),
                HttpStatus.UNPROCESSABLE_CONTENT, "inspectors", "units per inspector");
        expectProblem(web.get().uri("/api/public/inspections/draws/7b0c7e9e-0000-4000-8000-000000000000"),
                HttpStatus.NOT_FOUND, "urn:envgov:problem:not-found");
    }

    @Test
    void theConfiguredGradeWeightsKeepTheSchemesChineseGradeNames() {
        assertThat(properties.gradeWeights()).containsAllEntriesOf(Map.of("守信", 5, "一般守信", 10, "失信", 20,
                "严重失信", 40, "环保诚信", 5, "环保良好", 10, "环保警示", 20, "环保不良", 40, "绿牌", 5, "红牌", 40))
                .hasSize(12);
        assertThat(properties.keyRates().get(SupervisionLevel.COUNTY)).isEqualByComparingTo("0.25");
    }

    private static Map<String, Object> plan(String period) {
        return Map.of("period", period, "level", "COUNTY", "district", "兴隆台区", "managementClass", "KEY");
    }

    private JsonNode post(String path, Object body, String token, HttpStatus status) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token);
        var exchange = body == null ? request.exchange() : request.bodyValue(body).exchange();
        byte[] response = exchange.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    private JsonNode get(String path, String token) {
        var request = web.get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return JSON.readTree(request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private void expectProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String type) {
        request.exchange().expectStatus().isEqualTo(status).expectBody().jsonPath("$.type").isEqualTo(type);
    }

    private void expectField(Map<String, Object> body, HttpStatus status, String field, String message) {
        JsonNode problem = JSON.readTree(web.post().uri("/api/enforcement/draws")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains(message);
    }

    /** Runs the standalone verifier as a citizen would: {@code java verifier/VerifyDraw.java draw.json}. */
    private static String verify(Path dir, String name, JsonNode publication) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, JSON.writeValueAsString(publication), StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "verifier/VerifyDraw.java", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(output.equals("MATCH") ? 0 : 1);
        return output;
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
