package gov.envgov.portal.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * PORTAL-REPORT-RATE-LIMIT against the running portal over real TCP, behind a "gateway" on 127.0.0.1 (trusted, as
 * the gateway's pods are in Kubernetes) that names the citizen in {@code X-Forwarded-For}. The portal applies
 * forwarded headers as in production. No complaint-service is reachable, so an allowed report shows "unavailable";
 * what matters is that it is not 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=portal-sessions-test", "envgov.portal.sessions=memory",
        "server.forward-headers-strategy=framework", "envgov.portal.trusted-proxies=127\\.0\\.0\\.1",
        "envgov.portal.report-rate-limit.capacity=3", "envgov.portal.report-rate-limit.per-second=0.001"})
class ReportRateLimitTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    WebTestClient web;
    String session;
    String csrf;

    @BeforeEach
    void formWithItsToken() {
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        EntityExchangeResult<String> form = web.get().uri("/report").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        session = form.getResponseCookies().getFirst("ENVGOV_SESSION").getValue();
        Matcher token = CSRF.matcher(form.getResponseBody());
        assertThat(token.find()).isTrue();
        csrf = token.group(1);
    }

    private WebTestClient.ResponseSpec report(String forwardedFor) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("_csrf", csrf);
        parts.part("category", "ODOUR");
        parts.part("district", "双台子区");
        parts.part("description", "夜间刺鼻气味");
        return web.post().uri("/report").cookie("ENVGOV_SESSION", session)
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    @Test
    @DisplayName("PORTAL-REPORT-RATE-LIMIT: one address flooding is refused with 429; another address is not")
    void oneAddressFloodingIsRefusedAndAnotherIsNot() {
        for (int i = 0; i < 3; i++) {
            report("203.0.113.7").expectStatus().isOk();
        }
        String refused = report("203.0.113.7").expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("Retry-After", "\\d+")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("提交次数过多").contains("约 17 分钟").contains("夜间刺鼻气味");
        // An entry the citizen wrote at the left is not believed; the address the proxy appended is.
        report("198.51.100.1, 203.0.113.7").expectStatus().isEqualTo(429);
        report("203.0.113.8").expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("提交次数过多"));
    }
}
