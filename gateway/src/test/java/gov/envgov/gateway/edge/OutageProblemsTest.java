package gov.envgov.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import gov.envgov.gateway.GatewayTestBase;
import gov.envgov.gateway.TestTokens;

/** A service down behind the gateway is an outage the client can recognise, not a 500 and not a hang. */
class OutageProblemsTest extends GatewayTestBase {

    private static final String CLIENT = "198.51.100.60";

    @Test
    @DisplayName("GW-OUTAGE: a service whose instance refuses connections answers 503 with Retry-After")
    void refusedConnectionIsA503WithRetryAfter() {
        client(CLIENT).get().uri("/api/public/complaints/CODE").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:service-unavailable")
                .jsonPath("$.status").isEqualTo(503);
    }

    @Test
    @DisplayName("GW-OUTAGE: a service with no instance registered answers 503 with Retry-After")
    void serviceWithoutInstanceIsA503WithRetryAfter() {
        client(CLIENT).get().uri("/api/public/blacklist").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:service-unavailable");
    }

    @Test
    @DisplayName("GW-OUTAGE: a service slower than the response timeout answers 504 within seconds, not a hang")
    void slowServiceIsA504WithinTheResponseTimeout() {
        long start = System.nanoTime();
        client(CLIENT).mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/public/permits/slow").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:service-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("GW-OUTAGE: a bulk import may take longer than the ordinary response timeout")
    void bulkImportHasALongerResponseTimeout() {
        client(CLIENT).mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/api/permits/import")
                .header("Authorization", "Bearer " + TestTokens.of("importing-admin", "admin")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/permits/import");
    }

    @Test
    @DisplayName("GW-OUTAGE: a reachable service's answer passes untouched")
    void reachableServiceAnswers() {
        client(CLIENT).get().uri("/api/public/permits").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/public/permits");
    }
}
