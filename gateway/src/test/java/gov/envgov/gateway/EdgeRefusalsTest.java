package gov.envgov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Refusals at the edge: on one kept-alive connection, as a client library sends them one after another, each is
 * answered at once; what the security firewall or the HTTP codec refuses is a problem document (ERR-CONTROL-CHARS).
 */
class EdgeRefusalsTest extends GatewayTestBase {

    @Test
    void refusedRequestsOnOneConnectionAreEachAnsweredAtOnce() throws Exception {
        HttpClient client = HttpClient.newBuilder().build(); // HTTP/2 by default: asks for h2c on the first request
        String token = TestTokens.of("citizen1", "citizen");
        String tampered = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        String[][] requests = {{"/api/enterprises", null}, {"/api/enterprises", tampered},
            {"/api/complaints", "not.a.jwt"}, {"/api/permits", "not.a.jwt"}, {"/api/complaints", tampered},
            {"/open311/v2/services.abc%00def", null}, {"/open311/v2/services.abc%00def", null},
            {"/api/public/permits/%00", null}, {"/api/complaints", tampered}};
        for (String[] request : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request[0]))
                    .timeout(Duration.ofSeconds(5)).header("X-Forwarded-For", "198.51.100.77").GET();
            if (request[1] != null) {
                builder.header("Authorization", "Bearer " + request[1]);
            }
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request[0] + " " + request[1])
                    .isEqualTo(request[0].contains("%00") ? 400 : 401);
        }
    }

    @Test
    @DisplayName("ERR-CONTROL-CHARS: the firewall's and the codec's refusals are problem documents")
    void errControlCharsFirewallAndCodecRefusalsAreProblems() throws Exception {
        for (String path : new String[] {"/api/public/permits/%00", "/api/public/permits/%25", "/api/permits/a%00b",
            "/open311/v2/services.abc%00def"}) {
            String answer = raw(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"status\":400");
        }
        String longLine = raw(("GET /api/public/permits?q=" + "x".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(longLine).startsWith("HTTP/1.1 414").contains("application/problem+json").contains("\"status\":414");
        String hugeHeader = raw(("GET /api/public/permits HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").contains("application/problem+json");
    }

    /**
     * The codec refuses a request line it cannot read while the client is still sending the rest of the request: a
     * close with those bytes unread resets the connection, and the reset can destroy the answer before the client
     * reads it. The gateway half-closes and drops the rest instead, so the 414 arrives every time.
     */
    @Test
    @DisplayName("ERR-CONTROL-CHARS: the codec's refusal survives a client that is still sending")
    void theCodecsRefusalReachesAClientThatIsStillSending() throws Exception {
        byte[] head = ("POST /api/enforcement/tasks/1/inspection/evidence?itemId=" + "x".repeat(5_000)
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 400000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = "{".repeat(400_000).getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 0; attempt < 20; attempt++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                Thread sender = new Thread(() -> {
                    try {
                        socket.getOutputStream().write(head);
                        socket.getOutputStream().write(body);
                        socket.getOutputStream().flush();
                    } catch (java.io.IOException ignored) {
                        // Whether the server reads it all or not, the answer is what counts.
                    }
                });
                sender.start();
                String answer = readUntilClosed(socket.getInputStream());
                sender.join(10_000);
                assertThat(answer).as("attempt " + attempt).startsWith("HTTP/1.1 414")
                        .contains("application/problem+json");
            }
        }
    }
}
