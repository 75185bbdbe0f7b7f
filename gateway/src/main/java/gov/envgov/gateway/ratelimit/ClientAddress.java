package gov.envgov.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, for per-client limits. The TCP peer, unless the peer is a trusted proxy (the
 * ingress): then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address not
 * trusted is the client. A client cannot choose its bucket by sending the header itself, because only entries
 * appended by trusted proxies are believed. IPv6 clients are counted per /64, the block one subscriber holds.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final Pattern trustedProxies;

    /** @param trustedProxies a regular expression for the proxies' addresses, as in the gateway's trusted-proxies */
    public ClientAddress(String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown"
                : remote.getAddress().getHostAddress();
        return resolve(peer, request.getHeaders().getValuesAsList("X-Forwarded-For"));
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

    /** An IPv4 address as it is, an IPv6 address as its /64; anything else (never from a trusted proxy) as sent. */
    static String bucketOf(String address) {
        String text = address.length() > 64 ? address.substring(0, 64) : address;
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (IPV4.matcher(text).matches()) {
            return text;
        }
        if (!IPV6.matcher(text).matches()) {
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
