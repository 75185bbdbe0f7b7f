package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import reactor.core.publisher.Mono;

/** PORTAL-REPORT-RATE-LIMIT: the client address the portal counts, decided as the gateway's GW-CLIENT-ADDRESS. */
class ClientAddressTest {

    private final ClientAddress behindGateway = new ClientAddress("10\\.\\d+\\.\\d+\\.\\d+");

    @Test
    @DisplayName("PORTAL-REPORT-RATE-LIMIT: an untrusted peer is the client, whatever X-Forwarded-For it sends")
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(behindGateway.resolve("198.51.100.9", List.of("203.0.113.1"))).isEqualTo("198.51.100.9");
        assertThat(new ClientAddress("").resolve("10.0.0.5", List.of("203.0.113.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        // The citizen wrote 192.0.2.66 themselves; the ingress appended 203.0.113.7, the gateway the ingress.
        assertThat(behindGateway.resolve("10.1.2.3", List.of("192.0.2.66, 203.0.113.7", "10.1.0.4")))
                .isEqualTo("203.0.113.7");
        assertThat(behindGateway.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        assertThat(ClientAddress.bucketOf("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddress.bucketOf("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void theStampedAddressReplacesOneTheClientSent() {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpHandler portal = (request, response) -> {
            seen.set(ClientAddress.of(request));
            return Mono.empty();
        };
        MockServerHttpRequest request = MockServerHttpRequest.post("/report")
                .remoteAddress(new InetSocketAddress("198.51.100.9", 40000))
                .header(ClientAddress.HEADER, "203.0.113.200")
                .header("X-Forwarded-For", "203.0.113.201").build();
        behindGateway.stamp(portal).handle(request, new MockServerHttpResponse()).block();
        assertThat(seen.get()).isEqualTo("198.51.100.9");
    }
}
