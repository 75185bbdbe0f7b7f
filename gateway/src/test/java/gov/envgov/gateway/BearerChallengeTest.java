package gov.envgov.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The gateway's 401 at the edge of the APIs, with the platform's entry point. */
class BearerChallengeTest extends GatewayTestBase {

    @Test
    @DisplayName("ACCESS-WWW-AUTHENTICATE: at the gateway no token gets the bare challenge, a bad one invalid_token")
    void theChallengeNamesTheErrorOnlyWhenATokenWasSent() {
        client("198.51.100.91").get().uri("/api/permits").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"envgov\"");
        client("198.51.100.91").get().uri("/api/permits").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"envgov\", error=\"invalid_token\"");
    }
}
