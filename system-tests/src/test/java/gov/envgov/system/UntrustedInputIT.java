package gov.envgov.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.process.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fuzz suite generated from the services' own OpenAPI documents, sent through the gateway with real tokens: for
 * every operation, path variables blank, encoded, with control characters, huge and of the wrong type; query
 * parameters of the wrong type and with control characters; JSON bodies with each field of the wrong type, an
 * unknown enum value, a NUL, a huge string, missing fields, deep nesting, broken JSON and the wrong content type.
 * No answer may be a 5xx, and every 4xx is an RFC 9457 problem (Open311 answers errors in its own format). Runs
 * after the other system tests (alphabetically last): the requests are refused, but nothing should rely on that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedInputIT {

    private static final List<String> SERVICES = List.of("permit-service", "complaint-service",
            "enforcement-service", "credit-service");
    private static final String HUGE = "长".repeat(100_000);
    private static final String NUL = "a\u0000b";

    private final Http http = new Http();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private Platform platform;
    private TestPlatform.Tokens tokens;
    private String gateway;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = TestPlatform.shared();
        gateway = platform.config().gatewayUrl();
        tokens = new TestPlatform.Tokens(http, platform.config().keycloakUrl());
    }

    /** One fuzzed request. */
    record Probe(String method, String path, String contentType, String body, String user, String what) {
    }

    /** The demo user whose role reaches an operation's validation (otherwise it would stop at 403). */
    static String userFor(String path) {
        if (path.startsWith("/api/public") || path.startsWith("/open311")) {
            return null;
        }
        if (path.startsWith("/api/enforcement")) {
            return "inspector1";
        }
        if (path.startsWith("/api/credit")) {
            return "credit1";
        }
        if (path.startsWith("/api/complaints") || path.startsWith("/api/open311")) {
            return "operator1";
        }
        if (path.startsWith("/api/monitoring") || path.contains("/my")) {
            return "ent-a";
        }
        if (path.startsWith("/api/enterprises")) {
            return "admin1";
        }
        return "reviewer1";
    }

    static List<String> badPathValues() {
        return List.of("%20", "%00", "abc%00def", "-1", "9".repeat(40), "%E4%B8%AD%E6%96%87", "x".repeat(3000),
                "..%2F..%2Fetc", "%25", "null");
    }

    static List<Object> badFieldValues(JsonNode schema) {
        List<Object> values = new ArrayList<>();
        String type = schema.path("type").asString("");
        values.add(NUL);
        values.add(HUGE);
        if (!"string".equals(type)) {
            values.add("abc<script>");
        }
        if (!"integer".equals(type) && !"number".equals(type)) {
            values.add(123);
        }
        if (schema.has("enum")) {
            values.add("not-a-value");
        }
        values.add(true);
        values.add(List.of(1, 2));
        values.add(Map.of("nested", "object"));
        return values;
    }

    /** A JSON object with every property of the schema at a plausible value of its type. */
    private static ObjectNode plausible(JsonNode schema, JsonNode components) {
        ObjectNode object = Http.json().createObjectNode();
        JsonNode resolved = resolve(schema, components);
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").properties().iterator();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode field = resolve(property.getValue(), components);
            String type = field.path("type").asString("");
            if (field.has("enum")) {
                object.put(property.getKey(), field.get("enum").get(0).asString());
            } else if ("integer".equals(type) || "number".equals(type)) {
                object.put(property.getKey(), 1);
            } else if ("boolean".equals(type)) {
                object.put(property.getKey(), false);
            } else if ("array".equals(type)) {
                object.putArray(property.getKey());
            } else if ("object".equals(type)) {
                object.putObject(property.getKey());
            } else {
                object.put(property.getKey(), "fuzz");
            }
        }
        return object;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return components.path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String deepJson() {
        return "[".repeat(5000) + "]".repeat(5000);
    }

    List<Probe> probes(JsonNode document) {
        List<Probe> probes = new ArrayList<>();
        JsonNode components = document.path("components");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator();
             paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().properties().iterator();
                 ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode operation = op.getValue();
                String user = userFor(template);
                String plainPath = template.replaceAll("\\{[^}]+}", "1");
                // Path variables: each bad value in each variable, the others plain.
                java.util.regex.Matcher variables = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(template);
                while (variables.find()) {
                    for (String bad : badPathValues()) {
                        String path = template.substring(0, variables.start()) + bad
                                + template.substring(variables.end());
                        probes.add(new Probe(method, path.replaceAll("\\{[^}]+}", "1"), "application/json",
                                method.equals("GET") || method.equals("DELETE") ? null : "{}", user,
                                "path variable " + variables.group() + "=" + abbreviate(bad)));
                    }
                }
                // Query parameters.
                for (JsonNode parameter : operation.path("parameters")) {
                    if (!"query".equals(parameter.path("in").asString())) {
                        continue;
                    }
                    String name = parameter.path("name").asString();
                    for (String bad : List.of("%00", "abc%3Cscript%3E", "-99999999999999999999", "%20",
                            "x".repeat(5000), "2026%2F12%2F01", "%E8%BE%BD%E6%B2%B3")) {
                        probes.add(new Probe(method, plainPath + "?" + name + "=" + bad, "application/json",
                                method.equals("GET") || method.equals("DELETE") ? null : "{}", user,
                                "query " + name + "=" + abbreviate(bad)));
                    }
                }
                // Bodies.
                JsonNode json = operation.path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (!json.isMissingNode()) {
                    JsonNode schema = resolve(json, components);
                    ObjectNode base = plausible(schema, components);
                    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").properties()
                            .iterator(); fields.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        for (Object bad : badFieldValues(resolve(field.getValue(), components))) {
                            ObjectNode body = base.deepCopy();
                            body.set(field.getKey(), Http.json().valueToTree(bad));
                            probes.add(new Probe(method, plainPath, "application/json",
                                    Http.json().writeValueAsString(body), user,
                                    "body " + field.getKey() + "=" + abbreviate(String.valueOf(bad))));
                        }
                    }
                    for (String body : List.of("{}", "[]", "\"x\"", "{", "null", deepJson(),
                            "{\"a\":" + "\"" + HUGE.repeat(20) + "\"}")) {
                        probes.add(new Probe(method, plainPath, "application/json", body, user,
                                "body " + abbreviate(body)));
                    }
                    probes.add(new Probe(method, plainPath, "text/plain", "hello", user, "wrong content type"));
                }
            }
        }
        return probes;
    }

    private static String abbreviate(String text) {
        String shown = text.replace("\u0000", "\\0");
        return shown.length() > 40 ? shown.substring(0, 40) + "…(" + shown.length() + ")" : shown;
    }

    private String send(Probe probe) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(gateway + probe.path())).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return null; // the JDK client itself refuses the URI: nothing can be sent
        }
        if (probe.body() != null) {
            request.header("Content-Type", probe.contentType())
                    .method(probe.method(), HttpRequest.BodyPublishers.ofString(probe.body()));
        } else {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (probe.user() != null) {
            request.header("Authorization", "Bearer " + tokens.of(probe.user()));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                return status + " " + abbreviate(response.body());
            }
            boolean open311 = probe.path().startsWith("/open311");
            if (status >= 400 && !open311 && !type.startsWith("application/problem+json")) {
                return status + " without a problem document (" + type + ")";
            }
            return null;
        } catch (java.io.IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Test
    void noFuzzedRequestFromTheOpenApiDocumentsGetsA5xxAndEvery4xxIsAProblem() throws Exception {
        Map<String, List<Probe>> byService = new LinkedHashMap<>();
        for (String service : SERVICES) {
            HttpResponse<String> docs = http.get(gateway + "/api-docs/" + service, null);
            assertThat(docs.statusCode()).isEqualTo(200);
            byService.put(service, probes(Http.json().readTree(docs.body())));
        }
        List<Probe> all = byService.values().stream().flatMap(List::stream).toList();
        assertThat(all).as("fuzzed requests").hasSizeGreaterThan(1000);

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (Probe probe : all) {
            pool.submit(() -> {
                String failure = send(probe);
                sent.incrementAndGet();
                if (failure != null) {
                    failures.add(probe.method() + " " + abbreviate(probe.path()) + " [" + probe.what() + "] → "
                            + failure);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).isTrue();
        System.out.printf("FUZZ %d requests from %s in %d s, %d failures%n", sent.get(),
                byService.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList(),
                (System.nanoTime() - start) / 1_000_000_000, failures.size());
        failures.stream().limit(60).forEach(f -> System.out.println("FUZZ FAILURE " + f));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-failures.txt"), failures);
        assertThat(failures).as("fuzzed requests answered 5xx or without a problem document").isEmpty();
    }
}
