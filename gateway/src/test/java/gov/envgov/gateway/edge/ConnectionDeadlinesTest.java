package gov.envgov.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.gateway.GatewayTestBase;

/** Header-read timeout 1 s, idle timeout 2 s, body-read timeout 1 s (see the base class). */
class ConnectionDeadlinesTest extends GatewayTestBase {

    @Test
    @DisplayName("GW-CONNECTION-DEADLINES: a connection that sends nothing is closed after the header-read timeout")
    void silentConnectionIsClosed() throws IOException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(since(start)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(3));
        }
    }

    @Test
    @DisplayName("GW-CONNECTION-DEADLINES: headers dripped a byte at a time (slowloris) are cut at the deadline")
    void drippedHeadersAreCut() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write("GET /api/public/permits HTTP/1.1\r\nHost: gw\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean cut = false;
            for (int i = 0; i < 20 && !cut; i++) {
                Thread.sleep(250);
                try {
                    out.write('X');
                    out.flush();
                } catch (IOException closed) {
                    cut = true;
                }
                cut = cut || closedWithin(socket, 1);
            }
            assertThat(cut).as("the connection was closed while its headers dripped").isTrue();
            assertThat(since(start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    @DisplayName("GW-CONNECTION-DEADLINES: a kept-alive connection is closed after the idle timeout")
    void idleKeptAliveConnectionIsClosed() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("GET /api/public/permits HTTP/1.1\r\nHost: gw\r\n"
                    + "X-Forwarded-For: 198.51.100.40\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            String answer = readUntilClosed(in);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(since(start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("GW-CONNECTION-DEADLINES: a request body that stops arriving is cut after the body-read timeout")
    void stalledBodyIsCut() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/public/permits/objections HTTP/1.1\r\nHost: gw\r\n"
                    + "X-Forwarded-For: 198.51.100.41\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                    + "12345").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            readUntilClosed(socket.getInputStream());
            assertThat(since(start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(8_000);
        return socket;
    }

    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            socket.setSoTimeout(8_000);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
