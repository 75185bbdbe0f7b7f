package gov.envgov.gateway.edge;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import gov.envgov.gateway.GatewayTestBase;
import gov.envgov.gateway.TestTokens;

/** Keycloak's signing keys unreachable (nothing listens on port 1): a token not verified before cannot be checked. */
@TestPropertySource(properties = "envgov.security.jwk-set-uri=http://127.0.0.1:1/jwks")
class SigningKeysOutageTest extends GatewayTestBase {

    @Test
    @DisplayName("GW-OUTAGE: with the signing keys unreachable a new token is a 503 with Retry-After, not a 500")
    void unreachableSigningKeysAreA503() {
        client("198.51.100.80").get().uri("/api/permits")
                .header("Authorization", "Bearer " + TestTokens.of("new-user", "enterprise")).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:service-unavailable");
    }
}
