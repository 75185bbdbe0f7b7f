package gov.envgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.gateway.GatewayTestBase;
import gov.envgov.gateway.TestTokens;

/**
 * The whole gateway with small limits (public: 10 at once, one per two seconds; anonymous writes: 3; writes per
 * user: 5). Floods from one client and checks the next client, and the flooding client's other buckets, untouched.
 */
class RateLimitsTest extends GatewayTestBase {

    @Test
    @DisplayName("GW-RATE-PUBLIC: a flood of public reads from one address gets 429 problems; another address does not")
    void floodFromOneAddressLeavesAnotherUnaffected() {
        WebTestClient flooder = client("203.0.113.10");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(flooder.get().uri("/api/public/permits?page=" + i).exchange()
                    .returnResult(String.class).getStatus().value());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(200);
        assertThat(statuses.subList(12, 30)).containsOnly(429);

        flooder.get().uri("/open311/v2/requests.json").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", after -> assertThat(Integer.parseInt(after)).isBetween(1, 2))
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("10"));

        for (int i = 0; i < 10; i++) {
            client("203.0.113.11").get().uri("/api/public/permits").exchange().expectStatus().isOk();
        }
    }

    @Test
    @DisplayName("GW-RATE-PUBLIC: an encoded spelling of a public path counts against the same bucket")
    void encodedPublicPathCountsAgainstTheSameBucket() {
        WebTestClient client = client("203.0.113.15");
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/public/permits").exchange().expectStatus().isOk();
        }
        client.get().uri(URI.create("http://127.0.0.1:" + port + "/api/%70ublic/permits")).exchange()
                .expectStatus().isEqualTo(429);
    }

    @Test
    @DisplayName("GW-RATE-PUBLIC: anonymous writes to the public routes have their own, smaller bucket per address")
    void anonymousFilingHasItsOwnSmallerBucket() {
        WebTestClient filer = client("203.0.113.20");
        for (int i = 0; i < 3; i++) {
            filer.post().uri("/api/public/permits/objections").exchange().expectStatus().isOk();
        }
        filer.post().uri("/api/public/permits/objections").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", after -> assertThat(Integer.parseInt(after)).isBetween(1, 10));
        filer.get().uri("/api/public/permits").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("GW-RATE-WRITES: writes are limited per user (token subject), not per address")
    void writesAreLimitedPerUser() {
        WebTestClient office = client("203.0.113.30");
        String busy = TestTokens.of("busy-user", "enterprise");
        for (int i = 0; i < 5; i++) {
            office.post().uri("/api/permits").header("Authorization", "Bearer " + busy).exchange()
                    .expectStatus().isOk();
        }
        office.post().uri("/api/permits").header("Authorization", "Bearer " + busy).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:rate-limited");
        // Reads by the same user are not limited; nor are another user's writes from the same address.
        office.get().uri("/api/permits").header("Authorization", "Bearer " + busy).exchange().expectStatus().isOk();
        office.post().uri("/api/permits").header("Authorization", "Bearer " + TestTokens.of("calm-user", "enterprise"))
                .exchange().expectStatus().isOk();
    }
}
