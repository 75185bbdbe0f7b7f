package gov.envgov.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

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
                case "forbidden" -> new DomainException.Forbidden("only reviewers decide");
                case "rule" -> new DomainException.RuleViolation("unknown-district", "district", "'x' is no district");
                case "argument" -> new IllegalArgumentException("secret internals: table permit_x, row 42");
                default -> new IllegalStateException("bug with password=hunter2");
            });
        }
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
        unreadable("{\"on\":\"2026/12/01\"}", "on", "must be a date as YYYY-MM-DD");
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

    private void expect(String kind, HttpStatus status, String type) {
        client.get().uri("/refuse/" + kind).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.type").isEqualTo(type).jsonPath("$.status").isEqualTo(status.value());
    }
}
