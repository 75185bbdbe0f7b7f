package gov.envgov.portal.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request to the portal comes from, for per-client limits (rule PORTAL-REPORT-RATE-LIMIT), decided
 * as the gateway decides it (GW-CLIENT-ADDRESS): the TCP peer, unless the peer is a trusted proxy; then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address not trusted is the
 * client. IPv6 clients count per /64.
 *
 * <p>It is decided before anything else sees the request ({@link #stamp}): the portal applies forwarded headers
 * for its links ({@code server.forward-headers-strategy=framework}), which takes the left-most
 * {@code X-Forwarded-For} entry, one any client can write, as the remote address and then drops the header. The
 * decision travels in {@link #HEADER}, which is always overwritten, so a client cannot send its own.
 *
 * <p>A copy of the gateway's rule, not the gateway's class: that lives in the gateway module with Spring Cloud
 * Gateway, and the shared support module brings R2DBC and Flyway, none of which the portal has.
 */
public final class ClientAddress {

    static final String HEADER = "X-EnvGov-Client-Address";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final Pattern trustedProxies;

    /** @param trustedProxies a regular expression for the proxies' addresses; blank trusts none */
    ClientAddress(String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies == null || trustedProxies.isBlank() ? "^$"
                : trustedProxies);
    }

    /** The client of a request, as {@link #stamp} decided it. */
    public static String of(ServerHttpRequest request) {
        String stamped = request.getHeaders().getFirst(HEADER);
        return stamped == null ? "unknown" : stamped;
    }

    /** Wraps the portal's handler: every request carries its client address in {@link #HEADER}. */
    HttpHandler stamp(HttpHandler handler) {
        return (request, response) -> {
            InetSocketAddress remote = request.getRemoteAddress();
            String peer = remote == null || remote.getAddress() == null ? "unknown"
                    : remote.getAddress().getHostAddress();
            String client = resolve(peer, request.getHeaders().getValuesAsList("X-Forwarded-For"));
            return handler.handle(request.mutate().headers(headers -> headers.set(HEADER, client)).build(),
                    response);
        };
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (!trustedProxies.matcher(peer).matches()) {
            return bucketOf(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trustedProxies.matcher(client).matches()) {
                break;
            }
        }
        return bucketOf(client);
    }

    /** An IPv4 address as it is, an IPv6 address as its /64; anything else (only from a trusted proxy) as sent. */
    static String bucketOf(String address) {
        String text = address.length() > 64 ? address.substring(0, 64) : address;
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (IPV4.matcher(text).matches() || !IPV6.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        try {
            // In brackets the JDK parses a literal and never asks DNS, even when the text is not an address.
            byte[] bytes = InetAddress.getByName("[" + text + "]").getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return text.toLowerCase(Locale.ROOT);
        }
    }
}
