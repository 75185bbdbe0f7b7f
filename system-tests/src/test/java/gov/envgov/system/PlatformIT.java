package gov.envgov.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.demo.DemoData;
import gov.envgov.launcher.process.Platform;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform: real Keycloak, PostgreSQL, Eureka, gateway and services, started as the launcher starts them,
 * every request through the gateway with real tokens of the demo users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final int DEMO_SIZE = DemoData.KEY_HOLDERS + DemoData.SIMPLIFIED_HOLDERS + DemoData.REGISTRATIONS;

    private final Http http = new Http();
    private Platform platform;
    private TestPlatform.Tokens tokens;
    private String gateway;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = TestPlatform.shared();
        gateway = platform.config().gatewayUrl();
        tokens = new TestPlatform.Tokens(http, platform.config().keycloakUrl());
        System.out.printf("Platform healthy and routed after %d s; %d MiB resident%n",
                platform.startUpTime().toSeconds(), platform.residentBytes() / (1024 * 1024));
    }

    private HttpResponse<String> get(String user, String path) {
        return http.get(gateway + path, user == null ? null : tokens.of(user));
    }

    private HttpResponse<String> send(String user, String method, String path, Object body) {
        return http.send(method, gateway + path, tokens.of(user), body);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Http.parse(response);
    }

    @Test
    @Order(1)
    void theDemoDataReachesAllThreeConsumersThroughTheFeeds() {
        Instant begin = Instant.now();
        // At least the demo's enterprises (another test class may have registered more), and every one of them.
        await("inspection pool has every demo enterprise", () -> {
            long pool = json(get("inspector1", "/api/enforcement/pool?size=1")).get("total").asLong();
            return pool >= DEMO_SIZE
                    && pool == json(get("citizen1", "/api/enterprises?size=1")).get("total").asLong();
        });
        await("credit subjects include the demo enterprises", () ->
                get("credit1", "/api/credit/subjects/" + DemoData.ENTERPRISE_B).statusCode() == 200);
        System.out.printf("Demo data propagated to the consumers %d ms after start-up finished%n",
                Duration.between(begin, Instant.now()).toMillis());
        HttpResponse<String> registry = get("citizen1", "/api/enterprises?size=1");
        assertThat(json(registry).get("total").asLong()).isGreaterThanOrEqualTo(DEMO_SIZE);
    }

    @Test
    @Order(2)
    void anEnterpriseRegisteredAndChangedByStaffReachesEveryService() {
        String code = DemoDataCodes.fresh();
        HttpResponse<String> created = send("admin1", "POST", "/api/enterprises", Map.of("code", code,
                "name", "盘锦系统测试化工有限公司", "district", "盘山县", "industryCode", "C2614",
                "managementClass", "SIMPLIFIED", "address", "盘山县测试路1号"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> changed = send("admin1", "PUT", "/api/enterprises/" + code, Map.of("version", 1,
                "name", "盘锦系统测试精细化工有限公司", "district", "盘山县", "industryCode", "C2619",
                "managementClass", "KEY"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        await("the inspection pool sees the change", () -> {
            HttpResponse<String> pool = get("inspector1", "/api/enforcement/pool/" + code);
            return pool.statusCode() == 200 && json(pool).get("managementClass").asString().equals("KEY");
        });
        await("credit sees the new name", () -> {
            HttpResponse<String> subject = get("credit1", "/api/credit/subjects/" + code);
            return subject.statusCode() == 200
                    && json(subject).get("name").asString().equals("盘锦系统测试精细化工有限公司");
        });
        await("the complaint line knows the enterprise by its new name", () -> {
            HttpResponse<String> complaint = send("citizen1", "POST", "/api/complaints", Map.of("category", "ODOUR",
                    "description", "刺激性气味持续整晚", "district", "盘山县", "enterpriseCode", code));
            return complaint.statusCode() == 201
                    && json(complaint).get("enterprise").get("name").asString().equals("盘锦系统测试精细化工有限公司");
        });
    }

    @Test
    @Order(3)
    void aCitizenFilesAComplaintAndAnotherCitizenCannotSeeIt() {
        HttpResponse<String> filed = send("citizen1", "POST", "/api/complaints", Map.of("category", "WATER",
                "description", "排污口附近河水发黑", "district", "兴隆台区", "enterpriseCode", DemoData.ENTERPRISE_A,
                "location", Map.of("longitude", 122.07, "latitude", 41.12)));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = json(filed).get("id").asString();

        HttpResponse<String> own = get("citizen1", "/api/complaints/" + id);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("enterprise").get("code").asString()).isEqualTo(DemoData.ENTERPRISE_A);
        // API-TIME-CONVENTION through the gateway: the bureau's offset, whole seconds or milliseconds at most.
        assertThat(json(own).get("registeredAt").asString())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?\\+08:00");

        HttpResponse<String> other = get("citizen2", "/api/complaints/" + id);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("operator1", "/api/complaints/" + id).statusCode()).isEqualTo(200);

        // The handling units come from the department claim Keycloak puts into the handlers' tokens.
        HttpResponse<String> dispatched = send("operator1", "POST", "/api/complaints/" + id + "/dispatch", Map.of());
        assertThat(json(dispatched).get("handling").get("unit").asString()).isEqualTo("兴隆台区生态环境分局");
        assertThat(send("handler-dw", "POST", "/api/complaints/" + id + "/accept", Map.of()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> accepted = send("handler-xlt", "POST", "/api/complaints/" + id + "/accept", Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(get("handler-xlt", "/api/complaints/queue")).get("items").findValuesAsString("id"))
                .contains(id);
    }

    @Test
    @Order(4)
    void requestsWithoutAValidTokenAreUnauthorized() {
        assertThat(get(null, "/api/enterprises").statusCode()).isEqualTo(401);
        String token = tokens.of("citizen1");
        String tampered = token.substring(0, token.length() - 6)
                + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        HttpResponse<String> response = http.get(gateway + "/api/enterprises", tampered);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:envgov:problem:unauthorized");
        assertThat(http.get(gateway + "/api/complaints", "not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void anExpiredTokenIsUnauthorized() {
        String shortLived = KeycloakAdmin.shortLivedToken(http, platform.config().keycloakUrl(), "citizen1", 2);
        assertThat(http.get(gateway + "/api/complaints", shortLived).statusCode()).isEqualTo(200);
        sleep(Duration.ofSeconds(5));
        assertThat(http.get(gateway + "/api/complaints", shortLived).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void theWrongRoleIsForbidden() {
        HttpResponse<String> response = send("citizen1", "POST", "/api/enterprises", Map.of());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:envgov:problem:forbidden");
        assertThat(get("ent-a", "/api/enforcement/pool").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void anEnterpriseChangesOnlyItsOwnContact() {
        HttpResponse<String> mine = get("ent-a", "/api/enterprises/" + DemoData.ENTERPRISE_A);
        long version = json(mine).get("version").asLong();
        Map<String, Object> contact = Map.of("version", version,
                "contact", Map.of("name", "环保专员", "phone", "0427-5550000"));
        assertThat(send("ent-a", "PUT", "/api/enterprises/" + DemoData.ENTERPRISE_A + "/contact", contact)
                .statusCode()).isEqualTo(200);
        assertThat(send("ent-b", "PUT", "/api/enterprises/" + DemoData.ENTERPRISE_A + "/contact", contact)
                .statusCode()).isEqualTo(403);
        assertThat(json(get("citizen1", "/api/enterprises/" + DemoData.ENTERPRISE_A)).has("contact")).isFalse();
        assertThat(get("credit1", "/api/credit/subjects/" + DemoData.ENTERPRISE_A).statusCode()).isEqualTo(200);
        assertThat(get("ent-b", "/api/credit/subjects/" + DemoData.ENTERPRISE_A).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void theGatewayNeverRoutesInternalFeedsOrServiceActuators() {
        for (String path : List.of("/internal/events", "/api/enterprises/../internal/events",
                "/api/enterprises/%2e%2e/%2e%2e/internal/events", "/api/complaints/..%2Finternal/events",
                "/api/enforcement/actuator/env", "/actuator/env")) {
            HttpResponse<String> response = http.get(gateway + path, tokens.of("admin1"));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> unknown = get("admin1", "/api/unknown");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("type").asString()).isEqualTo("urn:envgov:problem:not-found");
    }

    @Test
    @Order(9)
    void badInputIsAProblemWithFieldErrors() {
        HttpResponse<String> response = send("citizen1", "POST", "/api/complaints",
                Map.of("category", "AIR", "description", "", "district", "兴隆台区",
                        "enterpriseCode", "91211103MA0GA0001X"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsString("field"))
                .contains("description", "enterpriseCode");
    }

    @Test
    @Order(10)
    void theGatewayServesEveryServicesApiDescription() {
        for (String service : List.of("permit-service", "complaint-service", "enforcement-service",
                "credit-service")) {
            HttpResponse<String> docs = http.get(gateway + "/api-docs/" + service, null);
            assertThat(docs.statusCode()).as(service).isEqualTo(200);
            assertThat(json(docs).get("paths").size()).as(service).isPositive();
            // Swagger UI sends "try it out" calls to the gateway, never to a service's own port, and the URL is the
            // configured public one, whatever Host a caller claims (ACCESS-PUBLIC-URLS).
            assertThat(json(docs).get("servers").get(0).get("url").asString()).as(service).isEqualTo(gateway);
            HttpResponse<String> spoofed = sendWithForwardedHost(gateway + "/api-docs/" + service);
            assertThat(json(spoofed).get("servers").get(0).get("url").asString()).as(service).isEqualTo(gateway);
        }
        HttpResponse<String> discovery = sendWithForwardedHost(gateway + "/open311/v2/discovery.json");
        assertThat(discovery.body()).contains(gateway + "/open311/v2/").doesNotContain("evil.example.org");
        assertThat(http.status(gateway + "/swagger-ui/index.html")).isEqualTo(200);
    }

    private static HttpResponse<String> sendWithForwardedHost(String url) {
        try {
            return Load.CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("X-Forwarded-Host", "evil.example.org").header("X-Forwarded-Proto", "https")
                    .header("Forwarded", "host=evil.example.org;proto=https").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(11)
    void theGatewaysTraceIdIsInTheServicesJsonLog() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        gateway + "/api/enterprises/" + DemoData.ENTERPRISE_B))
                .header("Authorization", "Bearer " + tokens.of("admin1"))
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var log = platform.config().logs().resolve("permit-service.log");
        await("the access line with the trace id", () -> {
            try {
                return Files.readAllLines(log).stream().anyMatch(line -> line.contains(traceId)
                        && line.contains("/api/enterprises/" + DemoData.ENTERPRISE_B));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        String line = Files.readAllLines(log).stream().filter(l -> l.contains(traceId)).findFirst().orElseThrow();
        assertThat(Http.json().readTree(line).has("@timestamp")).isTrue();
    }

    @Test
    @Order(12)
    void thePublicComplaintLineWorksThroughTheGatewayWithoutLogin() {
        HttpResponse<String> receipt = http.send("POST", gateway + "/api/public/complaints", null,
                Map.of("category", "NOISE", "district", "大洼区", "description", "匿名反映夜间施工噪声"));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
        String code = json(receipt).get("trackingCode").asString();
        var tracked = http.get(gateway + "/api/public/complaints/" + code, null);
        assertThat(tracked.statusCode()).isEqualTo(404);

        // Open311 clients follow the discovery document: its endpoint is the gateway's, not the service's port.
        HttpResponse<String> discovery = http.get(gateway + "/open311/v2/discovery.json", null);
        assertThat(json(discovery).get("endpoints").get(0).get("url").asString()).isEqualTo(gateway + "/open311/v2/");
        HttpResponse<String> services = http.get(gateway + "/open311/v2/services.xml", null);
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.body()).contains("<service_code>air</service_code>");
        HttpResponse<String> created = http.postForm(gateway + "/open311/v2/requests.json", Map.of(
                "api_key", "envgov-demo-open311-key", "service_code", "water", "attribute[district]", "兴隆台区",
                "lat", "41.12", "long", "122.07", "description", "系统测试：河面油污", "phone", "13900000000"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get(0).get("service_request_id").asString();
        HttpResponse<String> read = http.get(gateway + "/open311/v2/requests/" + id + ".json", null);
        assertThat(read.body()).contains(id).doesNotContain("13900000000");

        HttpResponse<String> statistics = http.get(gateway + "/api/public/complaints/statistics", null);
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(json(statistics).get("total").asLong()).isPositive();
        // The demo data holds complaints in every state, and overdue letters in the operator's queue.
        HttpResponse<String> queue = get("operator1", "/api/complaints/queue?size=50");
        assertThat(json(queue).get("items").findValuesAsString("status")).contains("REGISTERED", "RETURNED",
                "REPLIED", "FOLLOWED_UP");
        assertThat(json(queue).get("items").findValues("overdue").stream().anyMatch(JsonNode::asBoolean)).isTrue();
    }

    @Test
    @Order(13)
    void permitsMonitoringAndComplianceWorkThroughTheGatewayWithTheDemoAccounts() {
        // The demo data holds the demo enterprises' permits and applications in every review state.
        List<String> statuses = new java.util.ArrayList<>();
        for (String code : List.of(DemoData.ENTERPRISE_A, DemoData.ENTERPRISE_B, DemoData.ENTERPRISE_C)) {
            HttpResponse<String> permits = get("reviewer1", "/api/permits?enterprise=" + code);
            assertThat(permits.statusCode()).as(permits.body()).isEqualTo(200);
            statuses.addAll(json(permits).get("items").findValuesAsString("status"));
        }
        assertThat(statuses).contains("DRAFT", "SUBMITTED", "SUPPLEMENT_REQUESTED", "ACCEPTED", "SITE_CHECK",
                "ISSUED", "REJECTED", "SUPERSEDED");
        HttpResponse<String> queue = get("reviewer1", "/api/permits/review-queue");
        assertThat(json(queue).get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(get("ent-a", "/api/permits/review-queue").statusCode()).isEqualTo(403);

        String permitOfA = null;
        for (JsonNode permit : json(get("ent-a", "/api/permits?enterprise=" + DemoData.ENTERPRISE_A)).get("items")) {
            if (permit.get("status").asString().equals("ISSUED")) {
                permitOfA = permit.get("id").asString();
            }
        }
        assertThat(permitOfA).isNotNull();
        assertThat(get("ent-b", "/api/permits/" + permitOfA).statusCode()).isEqualTo(404);
        assertThat(get("ent-b", "/api/enterprises/" + DemoData.ENTERPRISE_A + "/compliance").statusCode())
                .isEqualTo(404);

        // The public sees issued permits without logging in.
        HttpResponse<String> disclosed = http.get(gateway + "/api/public/permits?district=%E5%A4%A7%E6%B4%BC%E5%8C%BA",
                null);
        assertThat(disclosed.statusCode()).as(disclosed.body()).isEqualTo(200);
        assertThat(json(disclosed).get("total").asLong()).isPositive();
        assertThat(disclosed.body()).doesNotContain("legalRepresentative");

        // ent-a sends readings of its new stack with its own token; a reading from the future is refused. Waste gas
        // is judged on hourly means (PERMIT-COMPLIANCE-ON-MEANS): the reading in the current hour completes the
        // previous one, whose mean is over the limit.
        java.time.Instant current = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String earlier = current.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(3000).toString();
        String now = current.toString();
        HttpResponse<String> readings = http.sendRaw("POST", gateway + "/api/monitoring/readings", tokens.of("ent-a"),
                "application/x-ndjson", "{\"enterprise\":\"" + DemoData.ENTERPRISE_A + "\",\"outlet\":\"DA002\","
                        + "\"pollutant\":\"挥发性有机物\",\"timestamp\":\"" + earlier + "\",\"concentration\":75}\n"
                        + "{\"enterprise\":\"" + DemoData.ENTERPRISE_A + "\",\"outlet\":\"DA002\","
                        + "\"pollutant\":\"挥发性有机物\",\"timestamp\":\"" + now + "\",\"concentration\":75}\n"
                        + "{\"enterprise\":\"" + DemoData.ENTERPRISE_A + "\",\"outlet\":\"DA002\","
                        + "\"pollutant\":\"挥发性有机物\",\"timestamp\":\"2099-01-01T00:00:00Z\",\"concentration\":1}\n");
        assertThat(readings.statusCode()).as(readings.body()).isEqualTo(200);
        assertThat(json(readings).get("stored").asInt()).isEqualTo(2);
        assertThat(json(readings).get("newExceedances").asInt()).as(readings.body()).isEqualTo(1);
        assertThat(json(readings).get("rejected").get(0).get("reason").asString()).isEqualTo("future-timestamp");

        // The week of demo monitoring holds an SO2 episode three days ago; ent-a filed two reports of its old permit.
        HttpResponse<String> compliance = get("ent-a", "/api/enterprises/" + DemoData.ENTERPRISE_A + "/compliance");
        assertThat(compliance.statusCode()).as(compliance.body()).isEqualTo(200);
        assertThat(json(compliance).get("quartersInViolation").asInt()).isPositive();
        assertThat(json(compliance).get("reports").get("filedLate").asInt()
                + json(compliance).get("reports").get("filedOnTime").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(14)
    void aCitizenVerifiesThePublishedDemoDrawThroughTheGatewayAndConfidentialListsStayHidden() throws Exception {
        JsonNode draws = json(get(null, "/api/public/inspections/draws"));
        assertThat(draws.get("total").asInt()).isEqualTo(3);
        assertThat(draws.get("items").findValuesAsString("status"))
                .containsExactlyInAnyOrder("PUBLISHED", "DRAWN", "ANNOUNCED");
        for (JsonNode draw : draws.get("items")) {
            boolean published = draw.get("status").asString().equals("PUBLISHED");
            assertThat(draw.has("selection")).as(draw.toString()).isEqualTo(published);
            assertThat(draw.has("seed")).isEqualTo(published);
            String path = "/api/public/inspections/draws/" + draw.get("id").asString() + "/verification";
            if (!published) {
                assertThat(get(null, path).statusCode()).isEqualTo(409);
                if (draw.get("status").asString().equals("DRAWN")) {
                    // The demo drew two inspectors of the district for every unit of this quarter's draw.
                    JsonNode tasks = json(get("inspector1", "/api/enforcement/draws/" + draw.get("id").asString()
                            + "/tasks"));
                    assertThat(tasks.size()).isEqualTo(draw.get("sampleSize").asInt());
                    tasks.forEach(task -> assertThat(task.get("inspectors").size()).isEqualTo(2));
                }
                continue;
            }
            HttpResponse<String> verification = get(null, path);
            assertThat(verification.statusCode()).isEqualTo(200);
            java.nio.file.Path file = Files.createTempFile("draw", ".json");
            Files.writeString(file, verification.body());
            Process verifier = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "../enforcement-service/verifier/VerifyDraw.java", file.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(verifier.getInputStream().readAllBytes()).strip();
            assertThat(verifier.waitFor()).as(output).isZero();
            assertThat(output).isEqualTo("MATCH");
            assertThat(json(verification).get("selection").size()).isEqualTo(draw.get("sampleSize").asInt())
                    .isPositive();
        }
        // The drawn list is the inspectors' until the results: an enterprise sees no draw at all.
        assertThat(get("ent-a", "/api/enforcement/draws").statusCode()).isEqualTo(403);
        assertThat(get("inspector1", "/api/enforcement/draws").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(15)
    void substantiatedComplaintsAndExceedancesOfTheDemoBecomeCluesThroughTheFeeds() {
        // The demo filed cases from the first of each; the open queue holds the rest.
        List<String> sources = new ArrayList<>(json(get("inspector1", "/api/enforcement/clues?size=200"))
                .get("items").findValuesAsString("source"));
        for (JsonNode found : json(get("inspector1", "/api/enforcement/cases?size=50")).get("items")) {
            JsonNode clue = json(get("inspector1", "/api/enforcement/clues/"
                    + found.get("facts").get("clueId").asString()));
            assertThat(clue.get("status").asString()).isEqualTo("FILED");
            sources.add(clue.get("source").asString());
        }
        assertThat(sources).contains("COMPLAINT", "MONITORING_EXCEEDANCE");
        JsonNode open = json(get("inspector1", "/api/enforcement/clues?size=200"));
        for (JsonNode clue : open.get("items")) {
            assertThat(clue.get("summary").asString()).isNotBlank();
            if (!clue.get("source").asString().equals("INSPECTOR")) {
                assertThat(clue.get("sourceEventId").asString()).isNotBlank();
            }
        }
        assertThat(get("ent-a", "/api/enforcement/clues").statusCode()).isEqualTo(403);

        // The demo filed cases from them: one executing with the discretion table's amount beside the decided one,
        // and a decision published and withdrawn, both public without a login.
        JsonNode cases = json(get("inspector1", "/api/enforcement/cases?size=50"));
        List<String> statuses = cases.get("items").findValuesAsString("status");
        assertThat(statuses).contains("EXECUTING", "INVESTIGATING");
        for (JsonNode found : cases.get("items")) {
            if (found.get("status").asString().equals("EXECUTING")) {
                assertThat(found.get("procedure").get("computedFine").asInt()).isEqualTo(50000);
                assertThat(found.get("procedure").get("decidedFine").asInt()).isEqualTo(40000);
                // Its daily continuous penalty: the order to correct served today, the covert re-inspection due
                // within 30 days, nothing accrued yet.
                JsonNode measures = json(get("inspector1", "/api/enforcement/cases/" + found.get("id").asString()
                        + "/measures"));
                assertThat(measures.findValuesAsString("kind")).contains("DAILY_PENALTY");
                assertThat(LocalDate.parse(measures.findValuesAsString("reinspectionDue").get(0)))
                        .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
                assertThat(measures.findValues("total").get(0).asDouble()).isZero();
            }
        }
        JsonNode penalties = json(get(null, "/api/public/penalties"));
        assertThat(penalties.get("total").asInt()).isEqualTo(2);
        assertThat(json(get(null, "/api/public/discretion/tables")).get(0).get("version").asString())
                .isEqualTo("LN-2026-1");
        assertThat(penalties.get("items").findValues("withdrawnOn")).hasSize(1);
    }

    /**
     * The loop the bureau wants, through the gateway with real tokens: a citizen's complaint is substantiated, the
     * clue reaches enforcement, the case is filed and decided, the penalty becomes a credit record of the enterprise
     * in credit-service; the decision withdrawn takes the record back. (The grade itself changes at the evaluation
     * of the year, once it is over: CreditGradeIT and EvaluationIT cover that part on their own clocks.)
     */
    @Test
    @Order(16)
    void aSubstantiatedComplaintBecomesACaseAPenaltyAndACreditRecordAndAWithdrawalTakesItBack() {
        String enterprise = DemoData.ENTERPRISE_B;
        JsonNode complaint = json(send("citizen1", "POST", "/api/complaints", Map.of("category", "WATER",
                "description", "闭环测试：企业排口夜间排放黄色废水", "district", "大洼区", "enterpriseCode", enterprise)));
        String complaintId = complaint.get("id").asString();
        assertThat(send("operator1", "POST", "/api/complaints/" + complaintId + "/dispatch", Map.of())
                .statusCode()).isEqualTo(200);
        for (String[] step : new String[][] {{"accept", null}, {"start", null}}) {
            assertThat(send("handler-dw", "POST", "/api/complaints/" + complaintId + "/" + step[0], Map.of())
                    .statusCode()).as(step[0]).isEqualTo(200);
        }
        assertThat(send("handler-dw", "POST", "/api/complaints/" + complaintId + "/handling", Map.of(
                "substantiated", true, "findings", "现场核查属实，废水未经处理直排")).statusCode()).isEqualTo(200);

        String[] clueId = new String[1];
        await("the substantiated complaint's clue in enforcement-service", () -> {
            for (JsonNode clue : json(get("inspector1", "/api/enforcement/clues?size=200")).get("items")) {
                if (clue.get("details").has("complaintId")
                        && clue.get("details").get("complaintId").asString().equals(complaintId)) {
                    clueId[0] = clue.get("id").asString();
                    return true;
                }
            }
            return false;
        });
        String caseId = json(send("inspector1", "POST", "/api/enforcement/clues/" + clueId[0] + "/case", Map.of(
                "party", "ORGANISATION", "violation", "OVER_LIMIT_DISCHARGE", "legalBasis", "水污染防治法 第八十三条",
                "violationEndedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(),
                "investigators", List.of("inspector1", "inspector2")))).get("id").asString();
        for (String[] step : new String[][] {{"inspector1", "investigation"}, {"inspector1", "review"}}) {
            assertThat(send(step[0], "POST", "/api/enforcement/cases/" + caseId + "/" + step[1], null)
                    .statusCode()).as(step[1]).isEqualTo(200);
        }
        assertThat(send("inspector3", "POST", "/api/enforcement/cases/" + caseId + "/notice",
                Map.of("proposedFine", 30000)).statusCode()).isEqualTo(200);
        HttpResponse<String> decided = send("inspector1", "POST", "/api/enforcement/cases/" + caseId + "/decision",
                Map.of("outcome", "PENALTY", "fine", 30000, "reason", "超标排放水污染物"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        JsonNode[] record = new JsonNode[1];
        await("the penalty as a credit record of the enterprise", () -> {
            for (JsonNode found : json(get("credit1", "/api/credit/records?subject=" + enterprise + "&size=200"))
                    .get("items")) {
                if (caseId.equals(found.path("caseId").asString(null))) {
                    record[0] = found;
                    return true;
                }
            }
            return false;
        });
        assertThat(record[0].get("eventType").asString()).isEqualTo("PenaltyDecided");
        assertThat(record[0].get("status").asString()).isEqualTo("ACTIVE");
        assertThat(record[0].get("points").asInt()).isPositive();
        // The enterprise sees its own record; another enterprise does not.
        int period = record[0].get("period").asInt();
        assertThat(json(get("ent-b", "/api/credit/my/records?period=" + period)).findValuesAsString("caseId"))
                .contains(caseId);
        assertThat(json(get("ent-a", "/api/credit/my/records?period=" + period)).findValuesAsString("caseId"))
                .doesNotContain(caseId);

        // The enterprise's facility report, public through the gateway, shows the decision in this quarter; a pin
        // of it is fetched again under the SHA-256 of its bytes.
        await("the penalty in the enterprise's public facility report", () -> json(get(null,
                "/api/public/credit/facilities/" + enterprise)).get("penalties").findValuesAsString("ref")
                .contains(caseId));
        assertThat(json(get(null, "/api/public/credit/facilities/" + enterprise)).get("statusString").asString())
                .hasSize(12).endsWith("S");
        HttpResponse<String> pin = http.send("POST", gateway + "/api/public/credit/facilities/" + enterprise
                + "/snapshots", null, null);
        assertThat(pin.statusCode()).as(pin.body()).isIn(200, 201);
        String sha = json(pin).get("sha256").asString();
        HttpResponse<String> pinned = get(null, json(pin).get("url").asString());
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(java.util.HexFormat.of().formatHex(sha256(pinned.body()))).isEqualTo(sha);

        assertThat(send("inspector1", "POST", "/api/enforcement/cases/" + caseId + "/decision/withdrawal",
                Map.of("reason", "闭环测试：复议撤销")).statusCode()).isEqualTo(200);
        String recordId = record[0].get("id").asString();
        await("the withdrawn decision takes its credit record back", () -> json(get("credit1",
                "/api/credit/records/" + recordId)).get("status").asString().equals("WITHDRAWN"));
        await("the withdrawn decision is marked in the facility report", () -> {
            for (JsonNode entry : json(get(null, "/api/public/credit/facilities/" + enterprise)).get("penalties")) {
                if (caseId.equals(entry.path("ref").asString(null)) && entry.get("type").asString()
                        .equals("PenaltyDecided")) {
                    return entry.hasNonNull("withdrawnOn");
                }
            }
            return false;
        });
    }

    @Test
    @Order(20)
    void consumersCatchUpAfterTheProducerWasDown() throws Exception {
        platform.stop("permit-service");
        sleep(Duration.ofSeconds(3));
        platform.restart("permit-service");
        String code = DemoDataCodes.fresh();
        await("permit-service routed again", () -> send("admin1", "POST", "/api/enterprises", Map.of("code", code,
                "name", "盘锦重启测试有限公司", "district", "大洼区", "managementClass", "REGISTRATION"))
                .statusCode() == 201);
        await("the pool has the enterprise registered after the restart",
                () -> get("inspector1", "/api/enforcement/pool/" + code).statusCode() == 200);
    }

    @Test
    @Order(21)
    void aConsumerThatWasDownCatchesUpWithTheBacklogInOrder() throws Exception {
        platform.stop("enforcement-service");
        List<String> backlog = new ArrayList<>();
        long firstVersion = 0;
        for (int i = 0; i < 5; i++) {
            String code = DemoDataCodes.fresh();
            HttpResponse<String> created = send("admin1", "POST", "/api/enterprises", Map.of("code", code,
                    "name", "盘锦积压测试" + i + "有限公司", "district", "盘山县", "managementClass", "REGISTRATION"));
            assertThat(created.statusCode()).isEqualTo(201);
            if (i == 0) {
                firstVersion = json(created).get("version").asLong();
            }
            backlog.add(code);
        }
        String changed = backlog.get(0);
        assertThat(send("admin1", "PUT", "/api/enterprises/" + changed, Map.of("version", firstVersion,
                "name", "盘锦积压测试改名有限公司", "district", "大洼区", "managementClass", "REGISTRATION"))
                .statusCode()).isEqualTo(200);
        platform.restart("enforcement-service");
        for (String code : backlog) {
            await("the pool has " + code + " registered while enforcement-service was down",
                    () -> get("inspector1", "/api/enforcement/pool/" + code).statusCode() == 200);
        }
        // The change came after the registration in the backlog: applied in order, the pool shows the new name.
        JsonNode entity = json(get("inspector1", "/api/enforcement/pool/" + changed));
        assertThat(entity.get("name").asString()).isEqualTo("盘锦积压测试改名有限公司");
        assertThat(entity.get("district").asString()).isEqualTo("大洼区");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a service may still be starting; try again
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
