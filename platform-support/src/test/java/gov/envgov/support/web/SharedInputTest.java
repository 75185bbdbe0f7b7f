package gov.envgov.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

/**
 * The input checks and problem answers every service gets from the shared auto-configuration and
 * {@code envgov-platform.yml}, on a small service of its own whose database is out of reach (a closed port).
 */
@SpringBootTest(classes = InputTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.import=classpath:envgov-platform.yml",
            "spring.application.name=input-test",
            "envgov.database=input_test",
            "spring.flyway.enabled=false",
            "eureka.client.enabled=false",
            "envgov.events.consumer.enabled=false",
            "envgov.clock.enabled=false",
            "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:9/none",
            "envgov.web.body-limit.paths[/uploads/**]=1MB",
            "envgov.web.server.read-timeout=1s",
            "server.netty.idle-timeout=1s",
        })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class SharedInputTest {

    @Autowired
    WebTestClient client;

    @Value("${local.server.port}")
    int port;

    // --- ERR-CONTROL-CHARS ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("ERR-CONTROL-CHARS: a NUL in a query parameter is a 400 naming the parameter")
    void errControlCharsInAQueryParameter() {
        rejected(raw("/permits?district=%00"), "district", "must not contain control");
        rejected(raw("/permits?district=a%07b"), "district", "must not contain control");
        // Tab, line feed and carriage return are text.
        raw("/permits?district=a%09b%0Ac").expectStatus().isOk();
    }

    @Test
    @DisplayName("ERR-CONTROL-CHARS: a control character in any JSON string field is a 400 naming its path")
    void errControlCharsInJsonFields() {
        rejected(post("{\"address\":\"road\\u0000 1\"}"), "address", "must not contain control");
        rejected(post("{\"lines\":[{\"note\":\"ok\"},{\"note\":\"\\u001b[31m\"}]}"), "lines[1].note",
                "must not contain control");
        rejected(post("{\"extra\":{\"k\":\"\\u0000\"}}"), "extra.k", "must not contain control");
        post("{\"address\":\"line one\\nline two\\ttab\"}").expectStatus().isOk();
    }

    @Test
    @DisplayName("ERR-CONTROL-CHARS: path variables, headers and form fields are checked too, each named")
    void errControlCharsInPathHeadersAndForms() {
        rejected(raw("/complaints/AB%00CD"), "trackingCode", "must not contain control");
        rejected(raw("/permits/%00"), "id", "must not contain control");
        // Clients refuse to send such a header, so it goes over a plain socket; Netty's own header validation
        // (server.netty.validate-headers) answers it 400 before the input check would name it.
        String answer = RawHttp.exchange(port, "GET /complaints/AB12 HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Tracking-Secret: se\u0001cret\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
        assertThat(answer).startsWith("HTTP/1.1 400");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("address_string", "street\u0000");
        rejected(client.post().uri("/open311/requests.json").body(BodyInserters.fromFormData(form)).exchange(),
                "address_string", "must not contain control");
        form.set("address_string", "street 1");
        client.post().uri("/open311/requests.json").body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("street 1");
    }

    @Test
    @DisplayName("ERR-CONTROL-CHARS: a blank path variable is a 400 naming the variable, not a 500")
    void errControlCharsBlankPathVariable() {
        rejected(raw("/permits/%20"), "id", "must not be blank");
        rejected(raw("/complaints/%20%20"), "trackingCode", "must not be blank");
        rejected(raw("/counts/%20"), "n", "must not be blank");
    }

    @Test
    @DisplayName("ERR-CONTROL-CHARS: an unexpected error is one log line with the trace id, answered with it")
    void errControlCharsUnexpectedErrorLoggedOnceCompactly(CapturedOutput output) {
        int before = output.getAll().length();
        String body = client.get().uri("/boom").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("urn:envgov:problem:internal").contains("traceId").doesNotContain("hunter2");
        String traceId = field(body, "traceId");
        String logged = output.getAll().substring(before);
        assertThat(count(logged, "Unhandled error on GET /boom")).isEqualTo(1);
        assertThat(logged).contains(traceId);
        // One line, not a stack of some kilobytes.
        assertThat(logged).doesNotContain("stack_trace").doesNotContain("\tat ");
        assertThat(logged.lines().filter(line -> line.contains("/boom")).mapToInt(String::length).max().orElse(0))
                .isLessThan(2_000);
    }

    // --- ERR-FIELD-NAMED -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("ERR-FIELD-NAMED: enum values in any letter case are accepted; unknown ones list what is allowed")
    void errFieldNamedEnums() {
        post("{\"category\":\"air\"}").expectStatus().isOk().expectBody().jsonPath("$.category").isEqualTo("AIR");
        client.get().uri("/permits?category=water").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("WATER"));
        rejected(post("{\"category\":\"soil\"}"), "category", "must be one of AIR, WATER, NOISE");
        rejected(client.get().uri("/permits?category=soil").exchange(), "category",
                "must be one of AIR, WATER, NOISE");
    }

    @Test
    @DisplayName("ERR-FIELD-NAMED: a date in another format is told the expected format")
    void errFieldNamedDates() {
        rejected(post("{\"on\":\"2026/12/01\"}"), "on", "must be a date as yyyy-MM-dd");
        rejected(post("{\"on\":\"2026-4-1\"}"), "on", "must be a date as yyyy-MM-dd");
        rejected(client.get().uri("/permits?from=2026/12/01").exchange(), "from", "must be a date as yyyy-MM-dd");
        post("{\"on\":\"2026-04-01\"}").expectStatus().isOk();
    }

    @Test
    @DisplayName("ERR-FIELD-NAMED: a text where a boolean or number belongs, never echoing input or Java types")
    void errFieldNamedBooleansNumbersAndPathTypes() {
        rejected(post("{\"urgent\":\"maybe\"}"), "urgent", "must be true or false");
        rejected(post("{\"count\":\"abc<script>\"}"), "count", "must be a whole number");
        rejected(post("{\"lines\":[{\"tonnes\":\"lots\"}]}"), "lines[0].tonnes", "must be a number");
        rejected(client.get().uri("/permits?open=perhaps").exchange(), "open", "must be true or false");
        rejected(client.get().uri("/permits/abc<script>").exchange(), "id", "must be a UUID");
        rejected(client.get().uri("/counts/abc<script>").exchange(), "n", "must be a whole number");
        rejected(client.get().uri("/permits?page=abc<script>").exchange(), "page", "must be a whole number");
    }

    // --- ERR-OUTAGE-503 ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("ERR-OUTAGE-503: a database that refuses connections is a fast 503 with Retry-After, not a 500")
    void errOutage503ConnectionRefused(CapturedOutput output) {
        long start = System.nanoTime();
        String body = client.get().uri("/db").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(body).contains("urn:envgov:problem:service-unavailable").doesNotContain("127.0.0.1");
        assertThat(output.getAll()).doesNotContain("Unhandled error on GET /db");
    }

    // --- ERR-BODY-LIMIT ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("ERR-BODY-LIMIT: a body over the shared 64 KB limit is a 413 problem, declared or chunked")
    void errBodyLimitDefault() {
        String big = "{\"address\":\"" + "x".repeat(70 * 1024) + "\"}";
        client.post().uri("/filings").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:body-too-large")
                .jsonPath("$.maxBytes").isEqualTo(65536);
        Flux<DataBuffer> chunked = Flux.range(0, 70).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                (i == 0 ? "{\"address\":\"" : "").concat("y".repeat(1024)).getBytes(StandardCharsets.UTF_8)));
        client.post().uri("/filings").contentType(MediaType.APPLICATION_JSON).body(chunked, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:body-too-large");
        post("{\"address\":\"" + "x".repeat(60 * 1024) + "\"}").expectStatus().isOk();
    }

    @Test
    @DisplayName("ERR-BODY-LIMIT: an endpoint configured for more takes more, and no more than that")
    void errBodyLimitPerPath() {
        client.post().uri("/uploads/big").contentType(MediaType.TEXT_PLAIN).bodyValue("z".repeat(500 * 1024))
                .exchange().expectStatus().isOk().expectBody(Integer.class).isEqualTo(500 * 1024);
        client.post().uri("/uploads/big").contentType(MediaType.TEXT_PLAIN).bodyValue("z".repeat(1100 * 1024))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.maxBytes").isEqualTo(1024 * 1024);
    }

    @Test
    @DisplayName("ERR-BODY-LIMIT: idle connections and bodies that stop arriving are cut off")
    void errBodyLimitSlowClientsAreCutOff(CapturedOutput output) {
        assertThat(RawHttp.closedWithin(port, "", Duration.ofSeconds(4))).isTrue();
        assertThat(RawHttp.closedWithin(port, "POST /uploads/big HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly ten b", Duration.ofSeconds(4)))
                .isTrue();
        // A slow client is no defect of ours.
        assertThat(output.getAll()).doesNotContain("Unhandled error on POST /uploads/big");
    }

    // --- the API description (issue 14 item 4) -------------------------------------------------------------------

    @Test
    void theApiDescriptionNamesTheServiceDeclaresTheBearerSchemeAndLeavesPagingOptional() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.info.title").isEqualTo("EnvGov input-test")
                .jsonPath("$.info.version").isNotEmpty()
                .jsonPath("$.components.securitySchemes.bearer.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer").exists()
                .jsonPath("$.paths['/permits'].get.parameters[?(@.name == 'page')].required").isEqualTo(List.of(false))
                .jsonPath("$.paths['/permits'].get.parameters[?(@.name == 'size')].required").isEqualTo(List.of(false))
                .jsonPath("$.paths['/permits'].get.parameters[?(@.name == 'size')].schema.default")
                .isEqualTo(List.of(20));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A GET of this URI exactly as written, its percent-encoding kept. */
    private WebTestClient.ResponseSpec raw(String uri) {
        return client.get().uri(URI.create("http://localhost:" + port + uri)).exchange();
    }

    private WebTestClient.ResponseSpec post(String json) {
        return client.post().uri("/filings").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static void rejected(WebTestClient.ResponseSpec response, String field, String message) {
        byte[] body = response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(text -> assertThat((String) text).startsWith(message))
                .returnResult().getResponseBodyContent();
        assertThat(body).isNotNull();
        assertThat(new String(body, StandardCharsets.UTF_8))
                .doesNotContain("java.lang").doesNotContain("tools.jackson").doesNotContain("<script>")
                .doesNotContain("For input string");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
