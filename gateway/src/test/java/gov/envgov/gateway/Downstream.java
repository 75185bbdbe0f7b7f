package gov.envgov.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's own test fixture: a plain local HTTP server standing in for every service behind it. It echoes what
 * it received (method, raw path, raw query) as JSON, answers {@code .../slow} after five seconds and
 * {@code .../import} after one and a half, and serves the signing keys of {@link TestTokens} at {@code /jwks} as
 * Keycloak would.
 */
public final class Downstream {

    private static final Downstream INSTANCE = new Downstream();

    private final HttpServer server;

    private Downstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", Downstream::answer);
        server.start();
    }

    static Downstream get() {
        return INSTANCE;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A port on which nothing listens: connections are refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        String json;
        if (path.equals("/jwks")) {
            json = TestTokens.jwks();
        } else {
            if (path.endsWith("/slow") || path.endsWith("/import")) {
                sleep(path.endsWith("/slow") ? 5000 : 1500);
            }
            String query = exchange.getRequestURI().getRawQuery();
            json = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path + "\",\"rawQuery\":"
                    + (query == null ? "null" : "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    + "}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
