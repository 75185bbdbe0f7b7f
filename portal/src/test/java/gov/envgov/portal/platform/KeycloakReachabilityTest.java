package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.sun.net.httpserver.HttpServer;
import reactor.core.publisher.Mono;

/**
 * PORTAL-LOGIN-OUTAGE: the check made before a browser is sent to Keycloak. A "frozen" Keycloak is a socket that
 * accepts connections (the kernel completes them) and never answers.
 */
class KeycloakReachabilityTest {

    private final WebClient client = new KeycloakClients().keycloakWebClient(
            new SignInProperties(null, null, null, null, null));
    private ServerSocket frozen;
    private HttpServer keycloak;

    @AfterEach
    void stop() throws IOException {
        if (frozen != null) {
            frozen.close();
        }
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void aKeycloakThatAcceptsButNeverAnswersIsUnreachableWithinTheProbeTimeout() throws IOException {
        frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        KeycloakReachability reachability = new KeycloakReachability(client,
                Mono.just(URI.create("http://127.0.0.1:" + frozen.getLocalPort() + "/certs")),
                Duration.ofMillis(500), Duration.ofSeconds(5));
        long start = System.nanoTime();
        assertThat(reachability.reachable().block(Duration.ofSeconds(5))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400),
                Duration.ofMillis(2_000));
    }

    @Test
    void anAnswerStandsForTheCacheTimeThenIsAskedAgain() throws Exception {
        keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.createContext("/certs", exchange -> {
            byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        KeycloakReachability reachability = new KeycloakReachability(client,
                Mono.just(URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort() + "/certs")),
                Duration.ofMillis(500), Duration.ofMillis(700));
        assertThat(reachability.reachable().block(Duration.ofSeconds(5))).isTrue();
        keycloak.stop(0);
        keycloak = null;
        assertThat(reachability.reachable().block(Duration.ofSeconds(5))).as("cached").isTrue();
        Thread.sleep(900);
        assertThat(reachability.reachable().block(Duration.ofSeconds(5))).as("asked again").isFalse();
    }
}
