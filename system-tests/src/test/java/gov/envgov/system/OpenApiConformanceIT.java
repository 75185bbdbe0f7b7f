package gov.envgov.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.demo.DemoAccounts;
import gov.envgov.launcher.demo.DemoData;
import gov.envgov.launcher.process.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' OpenAPI documents tell the truth (API-DOCUMENTED-RESPONSES): real answers through the gateway, with
 * real tokens of the demo personas, are checked against the document of the service that gave them. Every read of
 * every document is called (path variables of known and unknown objects), every signed-in operation once without a
 * token, every write with a path variable for an object that does not exist, bodies of the wrong media type and
 * broken JSON, and a few journeys that write (register twice, file a complaint, Open311 with and without a key,
 * pin a facility report twice). Each answer's status must be documented for its operation, its media type among
 * those documented for that status, and a JSON body must validate against the documented schema (OpenAPI 3.1
 * schemas are JSON Schema 2020-12; {@code $ref}s resolve into the document's components).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("API-DOCUMENTED-RESPONSES: real answers match the services' OpenAPI documents")
class OpenApiConformanceIT {

    private static final List<String> SERVICES = List.of("permit-service", "complaint-service",
            "enforcement-service", "credit-service");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** The demo personas of every role: each signed-in read is called as each, so most answer 200 to someone. */
    private static final List<String> PERSONAS = List.of("admin1", "reviewer1", "inspector1", "legal1", "credit1",
            "operator1", "handler-xlt", "citizen1", "ent-a");

    private final Http http = new Http();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> documents = new TreeMap<>();
    private TestPlatform.Tokens tokens;
    private String gateway;

    @BeforeAll
    void startPlatform() throws Exception {
        Platform platform = TestPlatform.shared();
        gateway = platform.config().gatewayUrl();
        tokens = new TestPlatform.Tokens(http, platform.config().keycloakUrl());
        for (String service : SERVICES) {
            HttpResponse<String> docs = http.get(gateway + "/api-docs/" + service, null);
            assertThat(docs.statusCode()).as(service + " api-docs").isEqualTo(200);
            documents.put(service, Http.json().readTree(docs.body()));
            Files.writeString(Path.of("target", "api-docs-" + service + ".json"), docs.body());
        }
    }

    /** One request against one documented operation. */
    record Call(String service, String method, String template, String path, String user, String contentType,
                String body, String what) {
    }

    /** What came back. */
    record Answer(int status, String contentType, String body) {
    }

    @Test
    void everyAnswerIsDocumentedForItsOperationAndValidatesAgainstItsSchema() throws Exception {
        List<Call> generated = new ArrayList<>();
        int operations = 0;
        for (String service : SERVICES) {
            for (Map.Entry<String, JsonNode> path : documents.get(service).path("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    // The gateway never routes /internal/** (the services' feeds, for service accounts).
                    if (METHODS.contains(operation.getKey()) && !path.getKey().startsWith("/internal/")) {
                        operations++;
                        generated.addAll(calls(service, path.getKey(), operation.getKey(), operation.getValue()));
                    }
                }
            }
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> covered = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Call call : generated) {
                running.add(pool.submit(() -> check(call, send(call), failures, statuses, covered)));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Journeys in order: each step's answer is checked like the others.
        for (Call call : journeys()) {
            check(call, send(call), failures, statuses, covered);
        }
        int checked = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("OPENAPI %d answers checked in %d s, %d of %d operations called, statuses %s, %d failures%n",
                checked, (System.nanoTime() - start) / 1_000_000_000, covered.size(), operations,
                new TreeMap<>(statuses), failures.size());
        failures.stream().sorted().forEach(failure -> System.out.println("OPENAPI MISMATCH " + failure));
        Files.write(Path.of("target", "openapi-mismatches.txt"), failures.stream().sorted().toList());
        assertThat(checked).as("answers checked").isGreaterThan(300);
        assertThat(covered.size()).as("operations called").isGreaterThan(operations * 3 / 4);
        assertThat(statuses.keySet()).as("the statuses seen").contains("200", "201", "400", "401", "403", "404",
                "409", "415");
        assertThat(failures).as("answers that their OpenAPI document does not describe").isEmpty();
    }

    /** The generated calls of one operation: as its persona, without a token, with unknown objects and bad bodies. */
    private List<Call> calls(String service, String template, String method, JsonNode operation) {
        List<Call> calls = new ArrayList<>();
        String verb = method.toUpperCase(Locale.ROOT);
        String user = UntrustedInputIT.userFor(template);
        boolean open = user == null;
        boolean write = !"GET".equals(verb);
        boolean json = operation.path("requestBody").path("content").has("application/json");
        String query = requiredQuery(operation);
        if (!write) {
            calls.add(new Call(service, verb, template, fill(template, operation, true) + query, user, null, null,
                    "as " + (open ? "anyone" : user)));
            if (!open) {
                for (String persona : PERSONAS) {
                    if (!persona.equals(user)) {
                        calls.add(new Call(service, verb, template, fill(template, operation, true) + query, persona,
                                null, null, "as " + persona));
                    }
                }
            }
            if (VARIABLE.matcher(template).find()) {
                calls.add(new Call(service, verb, template, fill(template, operation, false) + query, user, null,
                        null, "an unknown object"));
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if ("query".equals(parameter.path("in").asString())
                        && "integer".equals(type(parameter.path("schema")))) {
                    calls.add(new Call(service, verb, template, fill(template, operation, true) + query
                            + (query.isEmpty() ? "?" : "&") + parameter.path("name").asString() + "=not-a-number",
                            user, null, null, "a query parameter of the wrong type"));
                }
            }
        } else if (VARIABLE.matcher(template).find()) {
            // Writes only to objects that do not exist: the shared platform's data stays as the other tests left it.
            String path = fill(template, operation, false) + query;
            calls.add(new Call(service, verb, template, path, user, json ? "application/json" : null,
                    json ? "{}" : null, "a write to an unknown object"));
            if (json) {
                calls.add(new Call(service, verb, template, path, user, "application/json", "{\"broken\":",
                        "broken JSON"));
            }
        }
        if (json) {
            // Refused before any handler reads it: no write happens.
            calls.add(new Call(service, verb, template, fill(template, operation, false) + query, user, "text/plain",
                    "hello", "a body of the wrong media type"));
        }
        if (!open) {
            calls.add(new Call(service, verb, template, fill(template, operation, false) + query, null,
                    json ? "application/json" : null, json ? "{}" : null, "without a token"));
        }
        return calls;
    }

    /** Writes whose answers a journey needs (201 twice over, 409, Open311's own formats, 413). */
    private List<Call> journeys() {
        List<Call> calls = new ArrayList<>();
        String code = DemoDataCodes.fresh();
        String enterprise = Http.json().writeValueAsString(Map.of("code", code, "name", "盘锦契约测试化工有限公司",
                "district", "盘山县", "industryCode", "C2614", "managementClass", "SIMPLIFIED",
                "address", "盘山县测试路2号"));
        calls.add(new Call("permit-service", "POST", "/api/enterprises", "/api/enterprises", "admin1",
                "application/json", enterprise, "register a unit"));
        calls.add(new Call("permit-service", "POST", "/api/enterprises", "/api/enterprises", "admin1",
                "application/json", enterprise, "register the same unit again"));
        calls.add(new Call("permit-service", "GET", "/api/enterprises/{code}", "/api/enterprises/" + code, "ent-a",
                null, null, "another enterprise's unit"));
        calls.add(new Call("complaint-service", "POST", "/api/complaints", "/api/complaints", "citizen1",
                "application/json", Http.json().writeValueAsString(Map.of("category", "WATER",
                "description", "契约测试：排污口附近河水发黑", "district", "兴隆台区",
                "enterpriseCode", DemoData.ENTERPRISE_A)), "file a complaint"));
        calls.add(new Call("complaint-service", "POST", "/api/complaints", "/api/complaints", "citizen1",
                "application/json", "{\"description\":\"" + "长".repeat(30_000) + "\"}", "a body over the limit"));
        calls.add(new Call("complaint-service", "POST", "/api/public/complaints", "/api/public/complaints", null,
                "application/json", Http.json().writeValueAsString(Map.of("category", "NOISE", "district", "大洼区",
                "description", "契约测试：夜间施工噪声")), "an anonymous complaint"));
        calls.add(new Call("complaint-service", "POST", "/api/public/complaints", "/api/public/complaints", null,
                "application/json", "{\"category\":\"NOT-A-CATEGORY\"}", "an unknown category"));
        String open311 = form(Map.of("api_key", DemoAccounts.OPEN311_KEY, "service_code", "water",
                "attribute[district]", "兴隆台区", "lat", "41.12", "long", "122.07", "description", "契约测试：河面油污"));
        for (String format : List.of("json", "xml")) {
            String template = "/open311/v2/requests.{format}";
            calls.add(new Call("complaint-service", "POST", template, "/open311/v2/requests." + format, null,
                    "application/x-www-form-urlencoded", open311, "an Open311 request in " + format));
            calls.add(new Call("complaint-service", "POST", template, "/open311/v2/requests." + format, null,
                    "application/x-www-form-urlencoded", form(Map.of("service_code", "water")),
                    "an Open311 request without api_key"));
            calls.add(new Call("complaint-service", "POST", template, "/open311/v2/requests." + format, null,
                    "application/x-www-form-urlencoded", form(Map.of("api_key", DemoAccounts.OPEN311_KEY)),
                    "an Open311 request without service_code"));
        }
        calls.add(new Call("complaint-service", "GET", "/open311/v2/discovery.{format}", "/open311/v2/discovery.txt",
                null, null, null, "an unknown Open311 format"));
        calls.add(new Call("complaint-service", "GET", "/open311/v2/requests/{id}.{format}",
                "/open311/v2/requests/%01.json", null, null, null, "a control character in an Open311 path"));
        calls.add(new Call("complaint-service", "GET", "/open311/v2/media/{photoId}", "/open311/v2/media/%01", null,
                null, null, "a control character in a photo id"));
        for (int i = 0; i < 2; i++) {
            calls.add(new Call("credit-service", "POST", "/api/public/credit/facilities/{code}/snapshots",
                    "/api/public/credit/facilities/" + DemoData.ENTERPRISE_A + "/snapshots", null, null, null,
                    i == 0 ? "pin a facility report" : "pin the same report again"));
        }
        return calls;
    }

    private void check(Call call, Answer answer, ConcurrentLinkedQueue<String> failures,
                       Map<String, Integer> statuses, Set<String> covered) {
        String where = call.method() + " " + abbreviate(call.path()) + " [" + call.what() + "] → " + answer.status();
        if (answer.status() < 0) {
            failures.add(where + ": no answer (" + answer.body() + ")");
            return;
        }
        statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
        covered.add(call.service() + " " + call.method() + " " + call.template());
        JsonNode operation = documents.get(call.service()).path("paths").path(call.template())
                .path(call.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            failures.add(where + ": no such operation in " + call.service() + "'s document");
            return;
        }
        JsonNode responses = operation.path("responses");
        String status = String.valueOf(answer.status());
        JsonNode response = responses.has(status) ? responses.get(status)
                : responses.has(status.charAt(0) + "XX") ? responses.get(status.charAt(0) + "XX")
                : responses.path("default");
        if (response.isMissingNode()) {
            failures.add(where + ": status not documented (documented: "
                    + responses.propertyNames().stream().sorted().collect(Collectors.joining(", ")) + ")");
            return;
        }
        JsonNode content = response.path("content");
        if (answer.body().isEmpty()) {
            if (!content.isEmpty()) {
                failures.add(where + ": empty body, documented " + names(content));
            }
            return;
        }
        String type = answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = mediaType(content, type);
        if (media == null) {
            failures.add(where + ": " + (type.isEmpty() ? "no content type" : type) + " not documented (documented: "
                    + names(content) + ")");
            return;
        }
        if (!(type.equals("application/json") || type.endsWith("+json")) || !media.has("schema")) {
            return;
        }
        String key = call.service() + " " + call.method() + " " + call.template() + " " + status + " " + type;
        Schema schema = compiled.computeIfAbsent(key, ignored -> schema(call.service(), media.get("schema")));
        JsonNode body;
        try {
            body = Http.json().readTree(answer.body());
        } catch (RuntimeException e) {
            failures.add(where + ": " + type + " body is not JSON: " + abbreviate(answer.body()));
            return;
        }
        List<com.networknt.schema.Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            failures.add(where + ": body does not match " + media.get("schema") + ": " + errors.stream().limit(5)
                    .map(com.networknt.schema.Error::toString).collect(Collectors.joining("; ")));
        }
    }

    /** The documented media type for the answer's, exactly or by a wildcard ({@code application/*}, {@code *}/*). */
    private static JsonNode mediaType(JsonNode content, String type) {
        if (content.has(type)) {
            return content.get(type);
        }
        String wildcard = type.contains("/") ? type.substring(0, type.indexOf('/')) + "/*" : type;
        return content.has(wildcard) ? content.get(wildcard) : content.has("*/*") ? content.get("*/*") : null;
    }

    /** A schema of the document: the components travel along, so that {@code #/components/...} resolves. */
    private Schema schema(String service, JsonNode documented) {
        ObjectNode root = Http.json().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("allOf", Http.json().createArrayNode().add(documented));
        root.set("components", documents.get(service).path("components"));
        return schemas.getSchema(root);
    }

    private Answer send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + call.path()))
                .timeout(Duration.ofSeconds(30));
        if (call.body() != null) {
            request.header("Content-Type", call.contentType())
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (call.user() != null) {
            request.header("Authorization", "Bearer " + tokens.of(call.user()));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted");
        }
    }

    /**
     * The template with its variables filled: a known object where the demo data has one (its enterprises, the
     * Open311 formats and services), else one that does not exist.
     */
    private static String fill(String template, JsonNode operation, boolean known) {
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            JsonNode schema = parameter(operation, name, "path").path("schema");
            variables.appendReplacement(path, Matcher.quoteReplacement(value(name, schema, known)));
        }
        return variables.appendTail(path).toString();
    }

    private static String value(String name, JsonNode schema, boolean known) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("format")) {
            return "json";
        }
        if (lower.equals("servicecode")) {
            return known ? "water" : "no_such_service";
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        if ("uuid".equals(schema.path("format").asString())) {
            return UUID.randomUUID().toString();
        }
        if ("integer".equals(type(schema))) {
            return known ? "1" : "999999999";
        }
        if (lower.contains("code") || lower.contains("enterprise") || lower.equals("subject")) {
            return known ? DemoData.ENTERPRISE_A : DemoDataCodes.fresh();
        }
        if (lower.contains("sha256")) {
            return "0".repeat(64);
        }
        if (lower.contains("year")) {
            return String.valueOf(LocalDate.now().getYear());
        }
        if (lower.contains("period") || lower.contains("quarter")) {
            return LocalDate.now().getYear() + "Q1";
        }
        return known ? "1" : "no-such-" + UUID.randomUUID();
    }

    /** The required query parameters at plausible values, as a query string. */
    private static String requiredQuery(JsonNode operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
                String name = parameter.path("name").asString();
                pairs.add(encode(name) + "=" + encode(plausible(name, parameter.path("schema"))));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String plausible(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String format = schema.path("format").asString("");
        if (format.equals("date")) {
            return LocalDate.now().toString();
        }
        if (format.equals("date-time")) {
            return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
        }
        return switch (type(schema)) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> value(name, schema, true);
        };
    }

    private static JsonNode parameter(JsonNode operation, String name, String in) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asString()) && in.equals(parameter.path("in").asString())) {
                return parameter;
            }
        }
        return Http.json().createObjectNode();
    }

    /** The schema's type, the first non-null one where OpenAPI 3.1 lists several. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        return type.asString("");
    }

    private static String names(JsonNode content) {
        return content.propertyNames().stream().sorted().collect(Collectors.joining(", "));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }
}
