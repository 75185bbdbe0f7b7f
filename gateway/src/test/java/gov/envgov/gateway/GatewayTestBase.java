package gov.envgov.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway application itself on a random port, with every service it routes to replaced by {@link Downstream}
 * (by Spring Cloud's simple discovery instead of Eureka). complaint-service points at a closed port, credit-service
 * has no instance at all; the signing keys come from the downstream too (a subclass may point them elsewhere). The
 * limits and deadlines are small so that tests reach them quickly; each test class calls from its own client address
 * (believed from {@code X-Forwarded-For} because the test client on 127.0.0.1 is a trusted proxy here), so classes
 * do not share buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "envgov.security.jwk-set-uri=${test.downstream}/jwks")
public abstract class GatewayTestBase {

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void gatewayAgainstDownstream(DynamicPropertyRegistry registry) {
        String downstream = Downstream.get().url();
        registry.add("eureka.client.enabled", () -> "false");
        registry.add("spring.cloud.discovery.client.simple.instances.permit-service[0].uri", () -> downstream);
        registry.add("spring.cloud.discovery.client.simple.instances.enforcement-service[0].uri", () -> downstream);
        registry.add("spring.cloud.discovery.client.simple.instances.portal[0].uri", () -> downstream);
        int closed = Downstream.closedPort();
        registry.add("spring.cloud.discovery.client.simple.instances.complaint-service[0].uri",
                () -> "http://127.0.0.1:" + closed);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
        registry.add("envgov.security.issuer", () -> TestTokens.ISSUER);
        registry.add("test.downstream", () -> downstream);
        registry.add("envgov.gateway.client-address.trusted-proxies", () -> "127\\.0\\.0\\.1");
        registry.add("envgov.gateway.rate-limits.public-routes.capacity", () -> "10");
        registry.add("envgov.gateway.rate-limits.public-routes.per-second", () -> "0.5");
        registry.add("envgov.gateway.rate-limits.anonymous-writes.capacity", () -> "3");
        registry.add("envgov.gateway.rate-limits.anonymous-writes.per-second", () -> "0.1");
        registry.add("envgov.gateway.rate-limits.writes.capacity", () -> "5");
        registry.add("envgov.gateway.rate-limits.writes.per-second", () -> "0.5");
        registry.add("envgov.gateway.edge.header-read-timeout", () -> "1s");
        registry.add("envgov.gateway.edge.idle-timeout", () -> "2s");
        registry.add("envgov.gateway.edge.body-read-timeout", () -> "1s");
        registry.add("envgov.gateway.edge.retry-after", () -> "7s");
        registry.add("management.tracing.export.enabled", () -> "false");
    }

    /** A client calling from {@code address} (as the trusted proxy in front of the gateway reports it). */
    protected WebTestClient client(String address) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("X-Forwarded-For", address)
                .build();
    }

    /** Sends raw bytes on a fresh connection and returns everything the gateway sent back until it closed. */
    protected String raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readUntilClosed(socket.getInputStream());
        }
    }

    protected static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
