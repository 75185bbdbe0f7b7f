package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.portal.PortalApplication;

/**
 * Two portal replicas with their sessions in Redis (this machine's, on localhost:6379; skipped where there is
 * none, since the README's commands must not need one): a session begun on one replica is the same session on the
 * other. The CSRF token lives in the session, so a form served by replica A is accepted by replica B only if B sees
 * A's session; a session B has never seen is refused.
 */
class RedisSessionsIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static boolean redisIsThere() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", 6379), 500);
            return true;
        } catch (IOException none) {
            return false;
        }
    }

    static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(PortalApplication.class)
                .run("--spring.config.name=portal-sessions-test");
    }

    static WebTestClient client(ConfigurableApplicationContext replica) {
        String port = replica.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aSessionBegunOnOneReplicaIsTheSameSessionOnTheOther() {
        assumeTrue(redisIsThere(), "no Redis on localhost:6379");
        try (ConfigurableApplicationContext a = replica(); ConfigurableApplicationContext b = replica()) {
            EntityExchangeResult<String> form = client(a).get().uri("/track").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult();
            String session = form.getResponseCookies().getFirst("ENVGOV_SESSION").getValue();
            Matcher token = CSRF.matcher(form.getResponseBody());
            assertThat(token.find()).as("the form carries its CSRF token").isTrue();

            client(b).post().uri("/track").cookie("ENVGOV_SESSION", session)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("_csrf", token.group(1)).with("code", "").with("secret", ""))
                    .exchange().expectStatus().isOk()
                    .expectBody(String.class).value(page -> assertThat(page).contains("请填写查询码和查询密码"));

            client(b).post().uri("/track").cookie("ENVGOV_SESSION", "a-session-nobody-began")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("_csrf", token.group(1)).with("code", "").with("secret", ""))
                    .exchange().expectStatus().isForbidden();
        }
    }
}
