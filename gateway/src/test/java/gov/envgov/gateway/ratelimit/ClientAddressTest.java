package gov.envgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress("10\\.\\d+\\.\\d+\\.\\d+");
    private final ClientAddress trustingNobody = new ClientAddress("^$");

    @Test
    @DisplayName("GW-CLIENT-ADDRESS: X-Forwarded-For from a peer that is not a trusted proxy is ignored")
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(behindIngress.resolve("198.51.100.1", List.of("203.0.113.99"))).isEqualTo("198.51.100.1");
        assertThat(trustingNobody.resolve("10.0.0.1", List.of("203.0.113.99"))).isEqualTo("10.0.0.1");
    }

    @Test
    @DisplayName("GW-CLIENT-ADDRESS: behind trusted proxies the client is the rightmost address no proxy of ours is")
    void theClientIsTheRightmostUntrustedHop() {
        // The client wrote "1.2.3.4" itself; the ingress (10.0.0.5) appended the address it really saw.
        assertThat(behindIngress.resolve("10.0.0.1", List.of("1.2.3.4, 198.51.100.7, 10.0.0.5")))
                .isEqualTo("198.51.100.7");
        assertThat(behindIngress.resolve("10.0.0.1", List.of("1.2.3.4", "198.51.100.8"))).isEqualTo("198.51.100.8");
        assertThat(behindIngress.resolve("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    @DisplayName("GW-CLIENT-ADDRESS: IPv6 clients share one bucket per /64")
    void ipv6ClientsAreCountedPerSlash64() {
        assertThat(ClientAddress.bucketOf("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.bucketOf("2001:db8:1:2:bbbb::9")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.bucketOf("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddress.bucketOf("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.bucketOf("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.bucketOf("not:an:address:zz")).isEqualTo("not:an:address:zz");
    }
}
