package gov.envgov.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.gateway.GatewayTestBase;

/** Through the gateway to a downstream that echoes the raw query it received. */
class Utf8RequestTargetTest extends GatewayTestBase {

    @Test
    @DisplayName("GW-UTF8-TARGET: a raw UTF-8 query (as curl sends it) reaches the service as the browser's encoding")
    void rawUtf8QueryReachesTheServiceAsUtf8() throws IOException {
        String answer = get(bytes("GET /api/public/permits?q="), "辽河国".getBytes(StandardCharsets.UTF_8),
                bytes("&district=%E5%85%B4%E9%9A%86%E5%8F%B0 HTTP/1.1\r\nHost: gw\r\n"
                        + "X-Forwarded-For: 198.51.100.70\r\nConnection: close\r\n\r\n"));
        assertThat(answer).startsWith("HTTP/1.1 200");
        String rawQuery = answer.substring(answer.indexOf("\"rawQuery\":\"") + 12, answer.lastIndexOf('"'));
        assertThat(URLDecoder.decode(rawQuery, StandardCharsets.UTF_8)).isEqualTo("q=辽河国&district=兴隆台");
    }

    @Test
    @DisplayName("GW-UTF8-TARGET: a percent-encoded query passes unchanged")
    void percentEncodedQueryPassesUnchanged() throws IOException {
        String answer = get(bytes("GET /api/public/permits?q=%E8%BE%BD%E6%B2%B3+x HTTP/1.1\r\nHost: gw\r\n"
                + "X-Forwarded-For: 198.51.100.70\r\nConnection: close\r\n\r\n"));
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"rawQuery\":\"q=%E8%BE%BD%E6%B2%B3+x\"");
    }

    @Test
    @DisplayName("GW-UTF8-TARGET: raw bytes that are not UTF-8 (GBK) are a 400 problem, not a search for mojibake")
    void rawBytesThatAreNotUtf8AreRefused() throws IOException {
        String answer = get(bytes("GET /api/public/permits?q="), "辽河".getBytes("GBK"),
                bytes(" HTTP/1.1\r\nHost: gw\r\nX-Forwarded-For: 198.51.100.70\r\nConnection: close\r\n\r\n"));
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("UTF-8");
    }

    private String get(byte[]... parts) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            request.write(part);
        }
        return raw(request.toByteArray());
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
