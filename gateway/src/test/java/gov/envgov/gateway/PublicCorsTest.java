package gov.envgov.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Browser applications on other origins may read the public APIs, and nothing else. */
class PublicCorsTest extends GatewayTestBase {

    private static final String CLIENT = "198.51.100.50";
    private static final String ORIGIN = "https://open311-app.example";

    @Test
    @DisplayName("GW-CORS-PUBLIC-READS: a cross-origin GET of Open311 and /api/public is allowed from any origin")
    void crossOriginPublicReadsAreAllowed() {
        client(CLIENT).get().uri("/open311/v2/services.json").header("Origin", ORIGIN).exchange()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
        client(CLIENT).get().uri("/api/public/permits").header("Origin", ORIGIN).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials");
    }

    @Test
    @DisplayName("GW-CORS-PUBLIC-READS: the preflight of a public GET is answered by the gateway")
    void preflightOfPublicReadIsAnswered() {
        client(CLIENT).options().uri("/open311/v2/requests.json").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectHeader().value("Access-Control-Allow-Methods", methods -> org.assertj.core.api.Assertions
                        .assertThat(methods).contains("GET").doesNotContain("POST"));
    }

    @Test
    @DisplayName("GW-CORS-PUBLIC-READS: cross-origin writes and the signed-in APIs get no CORS permission")
    void nothingElseIsShared() {
        client(CLIENT).options().uri("/open311/v2/requests.json").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        client(CLIENT).options().uri("/api/complaints").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        client(CLIENT).get().uri("/api/permits").header("Origin", ORIGIN)
                .header("Authorization", "Bearer " + TestTokens.of("cors-user", "permit_reviewer")).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
