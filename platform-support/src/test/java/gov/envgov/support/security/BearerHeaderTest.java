package gov.envgov.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

class BearerHeaderTest {

    private final BearerHeader converter = new BearerHeader();

    private static MockServerWebExchange withAuthorization(String value) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/complaints");
        if (value != null) {
            request.header("Authorization", value);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    void aBearerHeaderGivesItsToken() {
        Authentication token = converter.convert(withAuthorization("Bearer eyJhbGciOi.J9-eyJz_dWIi~Oi+/Jx==")).block();
        assertThat(((BearerTokenAuthenticationToken) token).getToken()).isEqualTo("eyJhbGciOi.J9-eyJz_dWIi~Oi+/Jx==");
        assertThat(converter.convert(withAuthorization("bearer abc")).block()).isNotNull();
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(converter.convert(withAuthorization(null)).blockOptional()).isEmpty();
        assertThat(converter.convert(withAuthorization("Basic dXNlcjpwYXNz")).blockOptional()).isEmpty();
    }

    @Test
    void aMalformedBearerTokenIsRefused() {
        for (String malformed : new String[] {"Bearer ", "Bearer", "Bearer a b", "Bearer ab=c", "Bearer ===",
                "Bearer tok\u00e9n"}) {
            assertThatThrownBy(() -> converter.convert(withAuthorization(malformed)).block())
                    .as(malformed).isInstanceOf(OAuth2AuthenticationException.class);
        }
    }

    @Test
    void itAgreesWithSpringsConverterOnEveryCase() {
        var spring = new ServerBearerTokenAuthenticationConverter();
        for (String header : new String[] {"Bearer abc.def-ghi", "bearer abc", "BEARER x==", "Bearer ", "Bearer a b",
                "Bearer ab=c", "Basic abc", "Bearer tok\u00e9n", "Bearer ==="}) {
            assertThat(outcome(converter, header)).as(header).isEqualTo(outcome(spring, header));
        }
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        try {
            Authentication token = converter.convert(withAuthorization(header)).block();
            return token == null ? "none" : ((BearerTokenAuthenticationToken) token).getToken();
        } catch (OAuth2AuthenticationException refused) {
            return "refused";
        }
    }
}
