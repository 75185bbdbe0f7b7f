package gov.envgov.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class PlatformSecurityTest {

    @Test
    @DisplayName("ACCESS-WWW-AUTHENTICATE: without a token the challenge names no error (RFC 6750 §3.1)")
    void aRequestWithoutATokenGetsTheBareChallenge() {
        MockServerWebExchange exchange = commence(new AuthenticationCredentialsNotFoundException("Not Authenticated"));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"envgov\"");
    }

    @Test
    @DisplayName("ACCESS-WWW-AUTHENTICATE: a refused token gets error=\"invalid_token\"")
    void aRefusedTokenGetsTheInvalidTokenError() {
        MockServerWebExchange exchange = commence(new InvalidBearerTokenException("Jwt expired"));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"envgov\", error=\"invalid_token\"");
    }

    private static MockServerWebExchange commence(AuthenticationException exception) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/permits"));
        PlatformSecurity.unauthorized().commence(exchange, exception).block();
        return exchange;
    }
}
