package gov.envgov.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/** Which status and body each refusal gets, and that nothing of an unexpected error reaches the client. */
class ProblemAdviceTest {

    @RestController
    static class Refusing {
        @GetMapping("/refuse/{kind}")
        Mono<String> refuse(@PathVariable String kind) {
            return Mono.error(switch (kind) {
                case "not-found" -> new DomainException.NotFound("permit", "p-1");
                case "conflict" -> new DomainException.Conflict("invalid-transition", "permit p-1 is ISSUED");
                case "blocked" -> new DomainException.Conflict("invalid-transition", "cannot issue permit p-1 while"
                        + " it is SUBMITTED; accept it first",
                        new DomainException.Blocker("permit", "p-1", "SUBMITTED"), "accept");
                case "forbidden" -> new DomainException.Forbidden("only reviewers decide");
                case "rule" -> new DomainException.RuleViolation("unknown-district", "district", "'x' is no district");
                case "argument" -> new IllegalArgumentException("secret internals: table permit_x, row 42");
                case "refused" -> new org.springframework.dao.DataAccessResourceFailureException(
                        "Failed to obtain R2DBC Connection", new java.net.ConnectException("Connection refused"));
                case "no-transaction" -> new org.springframework.transaction.CannotCreateTransactionException(
                        "Could not open R2DBC Connection for transaction",
                        new io.r2dbc.spi.R2dbcNonTransientResourceException("Connection closed"));
                case "service-constraint" -> new jakarta.validation.ConstraintViolationException(
                        jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator()
                                .forExecutables().validateParameters(new Searching(),
                                        Searching.class.getDeclaredMethods()[0], new Object[] {"abc<script>"}));
                case "too-large" -> new org.springframework.core.io.buffer.DataBufferLimitException(
                        "Exceeded limit on max bytes to buffer : 262144");
                default -> new IllegalStateException("bug with password=hunter2");
            });
        }
    }

    static class Searching {
        public void search(@jakarta.validation.constraints.Size(max = 2, message = "must be 2 characters at most")
                           String enterprise) {
        }
    }

    @Test
    void aConstraintCheckedOnAServiceMethodIsA400NamingTheParameterNotTheValue() {
        String body = client.get().uri("/refuse/service-constraint").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("enterprise")
                .jsonPath("$.errors[0].message").isEqualTo("must be 2 characters at most")
                .returnResult().toString();
        assertThat(body).doesNotContain("abc<script>");
    }

    enum Kind { AIR, WATER }

    record Filing(Kind category, java.time.LocalDate on, Boolean urgent, java.util.List<Line> lines) {
    }

    record Line(Double tonnes) {
    }

    @RestController
    static class Reading {
        @org.springframework.web.bind.annotation.PostMapping("/filings")
        Mono<String> file(@org.springframework.web.bind.annotation.RequestBody Filing filing) {
            return Mono.just("ok");
        }

        @GetMapping("/things/{id}")
        Mono<String> thing(@PathVariable java.util.UUID id) {
            return Mono.just("ok");
        }
    }

    private final WebTestClient reading = WebTestClient.bindToController(new Reading())
            .controllerAdvice(new ProblemAdvice()).build();

    @Test
    void anUnreadableValueNamesItsFieldAndWhatIsAccepted() {
        unreadable("{\"category\":\"SOIL\"}", "category", "must be one of AIR, WATER");
        unreadable("{\"on\":\"2026/12/01\"}", "on", "must be a date as yyyy-MM-dd");
        unreadable("{\"urgent\":\"maybe\"}", "urgent", "must be true or false");
        unreadable("{\"lines\":[{\"tonnes\":\"lots\"}]}", "lines[0].tonnes", "must be a number");
        reading.get().uri("/things/not-a-uuid").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).startsWith(
                        "must be a UUID"));
    }

    private void unreadable(String body, String field, String message) {
        String answer = reading.post().uri("/filings").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith(field + " " + message))
                .returnResult().toString();
        assertThat(answer).doesNotContain("tools.jackson").doesNotContain("line: ");
    }

    private final WebTestClient client = WebTestClient.bindToController(new Refusing())
            .controllerAdvice(new ProblemAdvice()).build();

    @Test
    void eachKindOfRefusalHasItsStatusAndStableType() {
        expect("not-found", HttpStatus.NOT_FOUND, "urn:envgov:problem:not-found");
        expect("conflict", HttpStatus.CONFLICT, "urn:envgov:problem:invalid-transition");
        expect("forbidden", HttpStatus.FORBIDDEN, "urn:envgov:problem:forbidden");
        expect("rule", HttpStatus.UNPROCESSABLE_CONTENT, "urn:envgov:problem:unknown-district");
    }

    @Test
    @DisplayName("API-CONFLICTS-NAME-THE-BLOCKER: a 409 carries the blocking object and the step that comes first")
    void aConflictCarriesItsBlockerAndTheRequiredStep() {
        client.get().uri("/refuse/blocked").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.blockedBy.type").isEqualTo("permit")
                .jsonPath("$.blockedBy.id").isEqualTo("p-1")
                .jsonPath("$.blockedBy.status").isEqualTo("SUBMITTED")
                .jsonPath("$.requiredStep").isEqualTo("accept");
        client.get().uri("/refuse/conflict").exchange().expectBody()
                .jsonPath("$.blockedBy").doesNotExist()
                .jsonPath("$.requiredStep").doesNotExist();
    }

    @Test
    void aRuleViolationNamesTheFieldAndWhatIsWrong() {
        client.get().uri("/refuse/rule").exchange()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("district")
                .jsonPath("$.errors[0].message").isEqualTo("'x' is no district")
                .jsonPath("$.instance").isEqualTo("/refuse/rule");
    }

    @Test
    void anIllegalArgumentOfOursIsA500WhoseMessageNeverReachesTheClient() {
        String body = client.get().uri("/refuse/argument").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("urn:envgov:problem:internal").doesNotContain("secret").doesNotContain("permit_x")
                .doesNotContain("detail");
    }

    @Test
    void anyOtherExceptionIsA500WithoutDetail() {
        String body = client.get().uri("/refuse/bug").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"title\":\"Internal error\"").doesNotContain("hunter2").doesNotContain("detail");
    }

    @Test
    void errOutage503ADatabaseOutageIsA503WithRetryAfterNotA500() {
        for (String kind : java.util.List.of("refused", "no-transaction")) {
            String body = client.get().uri("/refuse/" + kind).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).contains("urn:envgov:problem:service-unavailable").doesNotContain("R2DBC");
        }
        WebTestClient configured = WebTestClient.bindToController(new Refusing())
                .controllerAdvice(new ProblemAdvice(java.time.Duration.ofSeconds(30))).build();
        configured.get().uri("/refuse/refused").exchange().expectHeader().valueEquals("Retry-After", "30");
    }

    @Test
    void errBodyLimitABodyPastTheCodecsLimitIsA413() {
        client.get().uri("/refuse/too-large").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:body-too-large");
    }

    @Test
    void anUnexpectedErrorCarriesAnIdToQuote() {
        client.get().uri("/refuse/bug").exchange().expectBody().jsonPath("$.traceId").isNotEmpty();
    }

    private void expect(String kind, HttpStatus status, String type) {
        client.get().uri("/refuse/" + kind).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.type").isEqualTo(type).jsonPath("$.status").isEqualTo(status.value());
    }
}
