package gov.envgov.enforcement.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.support.audit.AuditAnchors;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inspection performed through the service, from the draw's task to the published result: the checklist from the
 * catalogue, evidence with its hash, a clue from a failed item, completion feeding the pool's recusal, what the
 * enterprise and the public see. Two inspectors in the district, so both are on every task.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.enforcement.draw.key-rates.COUNTY=1.0", "envgov.enforcement.inspection.evidence-max-size=1KB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionIT {

    static final String UNIT_A = "91211103MA0GA0001Y";
    static final String UNIT_P = "91211104MA0GB00028";
    static final String ADMIN = "Bearer " + TestTokens.of("admin1", "admin");
    static final String INSPECTOR1 = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String INSPECTOR2 = "Bearer " + TestTokens.staff("inspector2", "兴隆台区", "inspector");
    static final String INSPECTOR3 = "Bearer " + TestTokens.staff("inspector3", "大洼区", "inspector");
    static final String ENT_A = "Bearer " + TestTokens.enterprise("ent-a", UNIT_A);
    static final String ENT_B = "Bearer " + TestTokens.enterprise("ent-b", UNIT_P);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_inspection").register(registry);
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
    @Autowired
    AuditAnchors anchors;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    final Map<String, String> taskOf = new HashMap<>();
    final List<String> inspectors = new ArrayList<>();

    @BeforeAll
    void twoKeyUnitsOneOnThePositiveListTwoInspectorsAndADrawWithItsTasks() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", UNIT_A, "盘锦示范石化有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", UNIT_P, "盘锦清洁化工有限公司", "兴隆台区", "KEY", 1)
                .applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
        db.sql("UPDATE pool_entity SET positive_list = true WHERE code = :code").bind("code", UNIT_P).then().block();
        inspectors.add(enrol("inspector1", "LNXLT1001", "兴隆台区"));
        inspectors.add(enrol("inspector2", "LNXLT1002", "兴隆台区"));
        enrol("inspector3", "LNDW01003", "大洼区");
        String draw = draw("2026Q1");
        for (JsonNode task : post("/api/enforcement/draws/" + draw + "/tasks", null, INSPECTOR1, HttpStatus.CREATED)) {
            taskOf.put(task.get("enterpriseCode").asString(), task.get("id").asString());
        }
    }

    @Test
    void anInspectionFromStartToPublishedResultWithEveryActRecorded() {
        String task = taskOf.get(UNIT_A);
        JsonNode publicBefore = get("/api/public/inspections/tasks", null, HttpStatus.OK);
        assertThat(publicBefore.get("total").asInt()).isEqualTo(2);
        assertThat(publicBefore.toString()).doesNotContain(UNIT_A).doesNotContain("盘锦示范石化有限公司");

        web.post().uri("/api/enforcement/tasks/" + task + "/inspection").header(HttpHeaders.AUTHORIZATION, INSPECTOR3)
                .exchange().expectStatus().isForbidden();
        JsonNode started = post("/api/enforcement/tasks/" + task + "/inspection", Map.of(), INSPECTOR1,
                HttpStatus.CREATED);
        assertThat(started.get("mode").asString()).isEqualTo("ON_SITE");
        List<String> items = started.get("checklist").findValuesAsString("itemId");
        // ENF-ITEM-CHECKLIST: a key refinery (C2511) checks the key-unit items and those of its industry.
        assertThat(items).contains("JC-PERMIT-COMPLIANCE", "JC-ONLINE-MONITORING", "JC-VOC", "JC-HAZARDOUS-WASTE")
                .doesNotContain("JC-REGISTRATION", "CF-OVER-LIMIT");
        expect("/api/enforcement/tasks/" + task + "/inspection", Map.of(), INSPECTOR2, HttpStatus.CONFLICT,
                "inspection-started");
        web.post().uri("/api/enforcement/tasks/" + task + "/conflict").header(HttpHeaders.AUTHORIZATION, INSPECTOR1)
                .bodyValue(Map.of("kind", "OTHER")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);

        for (String item : items) {
            boolean fails = item.equals("JC-PERMIT-COMPLIANCE");
            Map<String, Object> check = new HashMap<>(Map.of("outcome", fails ? "FAILED" : "PASSED"));
            if (fails) {
                check.put("finding", "DW001 排口在许可证载明位置以外");
                check.put("note", "厂长称系临时管线，需调取监控核实");
            }
            post("/api/enforcement/tasks/" + task + "/inspection/items/" + item, check,
                    item.hashCode() % 2 == 0 ? INSPECTOR1 : INSPECTOR2, HttpStatus.OK);
        }
        expect("/api/enforcement/tasks/" + task + "/inspection/items/JC-VOC/clue", null, INSPECTOR1,
                HttpStatus.CONFLICT, "item-not-failed");

        // ENF-INSPECTION-EVIDENCE: kept with its SHA-256, read back as stored; a file above the bound is refused.
        byte[] photo = "现场照片：DW001 排口".getBytes(StandardCharsets.UTF_8);
        JsonNode evidence = JSON.readTree(web.post().uri("/api/enforcement/tasks/" + task
                        + "/inspection/evidence?itemId=JC-PERMIT-COMPLIANCE")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR2).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("dw001.jpg", photo))).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(evidence.get("sha256").asString()).isEqualTo(Evidence.sha256Hex(photo));
        byte[] stored = web.get().uri("/api/enforcement/tasks/" + task + "/inspection/evidence/"
                        + evidence.get("id").asString()).header(HttpHeaders.AUTHORIZATION, INSPECTOR1).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Content-SHA256", Evidence.sha256Hex(photo))
                .expectBody().returnResult().getResponseBody();
        assertThat(stored).isEqualTo(photo);
        web.post().uri("/api/enforcement/tasks/" + task + "/inspection/evidence")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR2).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("big.bin", new byte[2048]))).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:evidence-too-large");

        // ENF-INSPECTION-CLUE: one clue per failed item, however often it is raised.
        JsonNode clue = post("/api/enforcement/tasks/" + task + "/inspection/items/JC-PERMIT-COMPLIANCE/clue", null,
                INSPECTOR1, HttpStatus.CREATED);
        JsonNode again = post("/api/enforcement/tasks/" + task + "/inspection/items/JC-PERMIT-COMPLIANCE/clue", null,
                INSPECTOR2, HttpStatus.CREATED);
        assertThat(again.get("clueId").asString()).isEqualTo(clue.get("clueId").asString());
        JsonNode clueRead = get("/api/enforcement/clues/" + clue.get("clueId").asString(), INSPECTOR1, HttpStatus.OK);
        assertThat(clueRead.get("source").asString()).isEqualTo("INSPECTION");
        assertThat(clueRead.get("enterpriseCode").asString()).isEqualTo(UNIT_A);
        assertThat(clueRead.get("district").asString()).isEqualTo("兴隆台区");
        assertThat(clueRead.get("details").get("itemId").asString()).isEqualTo("JC-PERMIT-COMPLIANCE");
        assertThat(count("SELECT count(*) AS n FROM clue WHERE source = 'INSPECTION'")).isEqualTo(1);

        JsonNode completed = post("/api/enforcement/tasks/" + task + "/inspection/completion", null, INSPECTOR2,
                HttpStatus.OK);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("result").asString()).isEqualTo("FAILED");
        assertThat(completed.get("publishedOn").asString()).isEqualTo(today.toString());
        // ENF-INSPECTION-RESULTS: due within 20 working days on the bureau's calendar.
        assertThat(completed.get("resultsDue").asString()).isEqualTo(calendar.plusWorkingDays(today, 20).toString());
        expect("/api/enforcement/tasks/" + task + "/inspection/items/JC-VOC", Map.of("outcome", "FAILED",
                "finding", "x"), INSPECTOR1, HttpStatus.CONFLICT, "invalid-transition");

        JsonNode event = JSON.readTree(db.sql("SELECT payload::text AS p FROM event_outbox"
                        + " WHERE event_type = 'InspectionCompleted'").map(row -> row.get("p", String.class)).one()
                .block());
        assertThat(event.get("enterpriseCode").asString()).isEqualTo(UNIT_A);
        assertThat(event.get("taskId").asString()).isEqualTo(task);
        assertThat(event.get("result").asString()).isEqualTo("FAILED");
        assertThat(event.get("failedItems").get(0).asString()).isEqualTo("JC-PERMIT-COMPLIANCE");
        assertThat(db.sql("SELECT last_inspected_on, last_inspectors FROM pool_entity WHERE code = :code")
                .bind("code", UNIT_A).map(row -> Map.entry(row.get("last_inspected_on", LocalDate.class),
                        Arrays.asList(row.get("last_inspectors", UUID[].class)).stream().map(UUID::toString)
                                .toList())).one().block())
                .satisfies(last -> {
                    assertThat(last.getKey()).isEqualTo(today);
                    assertThat(last.getValue()).containsExactlyInAnyOrderElementsOf(inspectors);
                });
        JsonNode unit = get("/api/enforcement/pool/" + UNIT_A, INSPECTOR1, HttpStatus.OK);
        assertThat(unit.get("lastInspectedOn").asString()).isEqualTo(today.toString());
        assertThat(unit.get("lastInspectors")).hasSize(2);
        assertThat(unit.get("positiveList").asBoolean()).isFalse();
        assertThat(strings("SELECT action FROM audit_log WHERE object_type = 'inspection' AND object_id = '" + task
                + "' ORDER BY id")).startsWith("start").endsWith("complete").contains("check", "add-evidence",
                "raise-clue").hasSize(items.size() + 5);

        JsonNode record = get("/api/enforcement/tasks/" + task + "/inspection/record/verification", INSPECTOR2,
                HttpStatus.OK);
        assertThat(record.get("intact").asBoolean()).isTrue();
        assertThat(record.get("acts")).hasSize(items.size() + 5);
        anchors.run().block();
        assertThat(get("/api/enforcement/tasks/" + task + "/inspection/record/verification", INSPECTOR2,
                HttpStatus.OK).get("verification").get("anchored").asBoolean()).isTrue();
        web.get().uri("/api/enforcement/tasks/" + task + "/inspection/record/verification")
                .header(HttpHeaders.AUTHORIZATION, ENT_A).exchange().expectStatus().isForbidden();

        // ENF-INSPECTION-PUBLIC-TASKS: the unit is named once its task is done; the other task still is not.
        JsonNode publicAfter = get("/api/public/inspections/tasks?size=50", null, HttpStatus.OK);
        for (JsonNode row : publicAfter.get("items")) {
            if (row.get("id").asString().equals(task)) {
                assertThat(row.get("enterpriseName").asString()).isEqualTo("盘锦示范石化有限公司");
                assertThat(row.get("status").asString()).isEqualTo("DONE");
            } else {
                assertThat(row.has("enterpriseCode")).isFalse();
            }
        }
        JsonNode results = get("/api/public/inspections/results", null, HttpStatus.OK);
        assertThat(results.get("total").asInt()).isEqualTo(1);
        assertThat(results.get("items").get(0).get("enterpriseName").asString()).isEqualTo("盘锦示范石化有限公司");
        assertThat(results.get("items").get(0).get("failedItems").get(0).get("finding").asString())
                .isEqualTo("DW001 排口在许可证载明位置以外");
        assertThat(results.toString()).doesNotContain("厂长称系临时管线").doesNotContain(inspectors.get(0));

        // ENF-INSPECTION-OWNERSHIP: the enterprise reads its own, without the note; another enterprise gets 404.
        JsonNode mine = get("/api/enforcement/my/inspections", ENT_A, HttpStatus.OK);
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        JsonNode own = get("/api/enforcement/my/inspections/" + task, ENT_A, HttpStatus.OK);
        assertThat(own.get("evidence").get(0).get("sha256").asString()).isEqualTo(Evidence.sha256Hex(photo));
        assertThat(own.toString()).doesNotContain("厂长称系临时管线").doesNotContain(inspectors.get(1));
        web.get().uri("/api/enforcement/my/inspections/" + task).header(HttpHeaders.AUTHORIZATION, ENT_B).exchange()
                .expectStatus().isNotFound();
        assertThat(get("/api/enforcement/my/inspections", ENT_B, HttpStatus.OK).get("items")
                .findValuesAsString("taskId")).doesNotContain(task);

        // ENF-ASSIGN-ROTATION fed by the completion: the next draw cannot send the same two inspectors to the unit.
        String next = draw("2026Q2");
        JsonNode refused = expect("/api/enforcement/draws/" + next + "/tasks", null, INSPECTOR1,
                HttpStatus.UNPROCESSABLE_CONTENT, "not-enough-inspectors");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains(UNIT_A);
    }

    @Test
    void enfInspectionOffSiteFirstForAUnitOnThePositiveList() {
        String task = taskOf.get(UNIT_P);
        JsonNode refused = expect("/api/enforcement/tasks/" + task + "/inspection", Map.of("mode", "ON_SITE"),
                INSPECTOR1, HttpStatus.UNPROCESSABLE_CONTENT, "off-site-first");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("onSiteReason");
        JsonNode started = post("/api/enforcement/tasks/" + task + "/inspection", null, INSPECTOR2,
                HttpStatus.CREATED);
        assertThat(started.get("mode").asString()).isEqualTo("OFF_SITE");
        JsonNode onSite = post("/api/enforcement/tasks/" + task + "/inspection/on-site", Map.of("reason",
                "在线监测数据连续恒值"), INSPECTOR1, HttpStatus.OK);
        assertThat(onSite.get("mode").asString()).isEqualTo("ON_SITE");
        expect("/api/enforcement/tasks/" + task + "/inspection/completion", null, INSPECTOR1,
                HttpStatus.UNPROCESSABLE_CONTENT, "checklist-incomplete");
    }

    private String enrol(String username, String credential, String district) {
        return post("/api/enforcement/inspectors", Map.of("username", username, "name", "检查员" + credential,
                "credentialNumber", credential, "validUntil", "2030-12-31", "district", district,
                "department", "生态环境保护综合行政执法队"), ADMIN, HttpStatus.CREATED).get("id").asString();
    }

    private String draw(String period) {
        String id = post("/api/enforcement/draws", Map.of("period", period, "level", "COUNTY", "district", "兴隆台区",
                "managementClass", "KEY"), INSPECTOR1, HttpStatus.CREATED).get("id").asString();
        post("/api/enforcement/draws/" + id + "/draw", null, INSPECTOR1, HttpStatus.OK);
        return id;
    }

    private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> file(
            String name, byte[] content) {
        MultipartBodyBuilder builder = new MultipartBodyBuilder();
        builder.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.IMAGE_JPEG);
        return builder.build();
    }

    private JsonNode post(String path, Object body, String token, HttpStatus status) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, token);
        var exchange = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return JSON.readTree(exchange.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private JsonNode expect(String path, Object body, String token, HttpStatus status, String type) {
        JsonNode problem = post(path, body, token, status);
        assertThat(problem.get("type").asString()).isEqualTo("urn:envgov:problem:" + type);
        return problem;
    }

    private JsonNode get(String path, String token, HttpStatus status) {
        var request = web.get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return JSON.readTree(request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody());
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private List<String> strings(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
