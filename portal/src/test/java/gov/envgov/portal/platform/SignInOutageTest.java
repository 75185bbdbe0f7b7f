package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.sun.net.httpserver.HttpServer;

/**
 * PORTAL-LOGIN-OUTAGE: Keycloak frozen or down. "Keycloak" here is two local servers: one serving the realm's keys
 * that can be frozen (it then holds every request without answering), and a token endpoint that accepts
 * connections and never answers, so the code-for-token exchange at the callback can only time out.
 */
@SpringBootTest(properties = {"spring.config.name=portal-sessions-test", "envgov.portal.sessions=memory",
        "envgov.portal.sign-in.response-timeout=1s", "envgov.portal.sign-in.probe-cache=100ms"})
class SignInOutageTest {

    private static final AtomicBoolean FROZEN = new AtomicBoolean();
    private static final ExecutorService KEYS_THREADS = Executors.newCachedThreadPool();
    private static final HttpServer KEYS = keys();
    private static final ServerSocket SILENT = silent();

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        String provider = "spring.security.oauth2.client.provider.keycloak.";
        registry.add(provider + "jwk-set-uri", () -> "http://127.0.0.1:" + KEYS.getAddress().getPort() + "/certs");
        registry.add(provider + "token-uri", () -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/token");
        registry.add(provider + "user-info-uri", () -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/userinfo");
    }

    @BeforeEach
    void client() throws InterruptedException {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(15)).build();
        FROZEN.set(false);
        Thread.sleep(150);
    }

    @AfterAll
    static void stopKeycloak() throws IOException {
        KEYS.stop(0);
        KEYS_THREADS.shutdownNow();
        SILENT.close();
    }

    @Test
    @DisplayName("PORTAL-LOGIN-OUTAGE: with Keycloak frozen the sign-in link answers the 503 page in the probe time")
    void withKeycloakFrozenTheSignInLinkAnswersTheOutagePageAtOnce() {
        FROZEN.set(true);
        long start = System.nanoTime();
        String page = web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "120")
                .expectHeader().valueMatches("Content-Type", "text/html.*")
                .expectBody(String.class).returnResult().getResponseBody();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // The check gives up after the earlier of its own 2 s and the client's response timeout (1 s here).
        assertThat(millis).as("sign-in while frozen (ms)").isBetween(900L, 4_000L);
        assertThat(page).contains("暂时无法登录").contains("约 2 分钟").contains("href=\"/report\"")
                .doesNotContain("Exception");
        // The English page, and a second attempt answered from the cached check.
        long again = System.nanoTime();
        web.get().uri("/oauth2/authorization/keycloak").cookie("lang", "en").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).value(body -> assertThat(body).contains("Sign-in is unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - again).toMillis()).isLessThan(4_000L);
    }

    @Test
    void withKeycloakFrozenPublicPagesAndSignedInPagesKeepWorking() {
        FROZEN.set(true);
        long start = System.nanoTime();
        web.get().uri("/").exchange().expectStatus().isOk();
        web.get().uri("/report").exchange().expectStatus().isOk();
        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_citizen")))
                .get().uri("/my/complaints").exchange().expectStatus().isOk();
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(5_000L);
        // A signed-in page still sends a visitor to sign in; the sign-in then says it is unavailable.
        web.get().uri("/my/complaints").exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueMatches("Location", ".*/oauth2/authorization/keycloak");
    }

    @Test
    @DisplayName("PORTAL-LOGIN-OUTAGE: a token exchange that times out at the callback answers the same page")
    void aTokenExchangeThatTimesOutAtTheCallbackAnswersTheOutagePage() {
        EntityExchangeResult<byte[]> redirect = web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection().expectBody().returnResult();
        URI keycloakLogin = redirect.getResponseHeaders().getLocation();
        assertThat(keycloakLogin).hasPath("/realms/envgov/protocol/openid-connect/auth");
        String state = URLDecoder.decode(UriComponentsBuilder.fromUri(keycloakLogin).build().getQueryParams()
                .getFirst("state"), StandardCharsets.UTF_8);
        ResponseCookie session = redirect.getResponseCookies().getFirst("ENVGOV_SESSION");
        assertThat(session).isNotNull();

        long start = System.nanoTime();
        web.get().uri("/login/oauth2/code/keycloak?code=some-code&state={state}", state)
                .cookie(session.getName(), session.getValue()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "120")
                .expectBody(String.class).value(body -> assertThat(body).contains("暂时无法登录"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(millis).as("callback against a silent token endpoint (ms)").isBetween(900L, 3_000L);
    }

    @Test
    void aWrongStateAtTheCallbackIsStillAnOrdinarySignInFailure() {
        web.get().uri("/login/oauth2/code/keycloak?code=some-code&state=made-up").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueMatches("Location", ".*/login\\?error");
    }

    private static HttpServer keys() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                if (FROZEN.get()) {
                    try {
                        TimeUnit.SECONDS.sleep(20);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(KEYS_THREADS);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections (the kernel does, up to the backlog) and never reads or answers. */
    private static ServerSocket silent() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
