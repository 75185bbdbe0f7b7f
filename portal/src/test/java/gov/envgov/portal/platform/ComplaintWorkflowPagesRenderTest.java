package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.sun.net.httpserver.HttpServer;

/**
 * The complaint workflow pages rendered with the answers complaint-service gives (a stand-in HTTP server answers
 * as the service does, found through the simple discovery client): what each page shows and which forms it offers.
 */
@SpringBootTest(properties = {"spring.config.name=portal-sessions-test", "envgov.portal.sessions=memory"})
class ComplaintWorkflowPagesRenderTest {

    static final String HANDLING = "11111111-1111-1111-1111-111111111111";
    static final String RETURNED = "22222222-2222-2222-2222-222222222222";
    static final String REQUEST = "33333333-3333-3333-3333-333333333333";
    static final List<String> POSTED = new CopyOnWriteArrayList<>();
    static final Map<String, String> ANSWERS = Map.of(
            "GET /api/complaints/extension-requests", "{\"items\":[" + request("PENDING") + "],\"page\":0,"
                    + "\"size\":20,\"total\":1}",
            "GET /api/complaints/" + HANDLING, complaint(HANDLING, "HANDLING", "null", "null"),
            "GET /api/complaints/" + HANDLING + "/extension-requests", "{\"items\":[" + request("APPROVED")
                    + "],\"page\":0,\"size\":20,\"total\":1}",
            "GET /api/complaints/" + RETURNED, complaint(RETURNED, "RETURNED", "\"兴隆台区生态环境分局\"",
                    "\"属大洼区辖区\""),
            "GET /api/complaints/" + RETURNED + "/duplicates", "[]",
            "GET /api/public/complaints/statistics", "{\"from\":\"2025-12-02\",\"to\":\"2026-12-02\",\"total\":42,"
                    + "\"byCategory\":{\"AIR\":30,\"NOISE\":null,\"WATER\":null},\"byDistrict\":{\"兴隆台区\":42},"
                    + "\"byMonth\":{\"2026-03\":42},\"answered\":null,\"onTime\":null,\"onTimeRate\":null,"
                    + "\"satisfaction\":{},\"solved\":null,\"followedUp\":null,\"suppressed\":4,"
                    + "\"suppressedCells\":[\"byCategory.NOISE\"],\"note\":\"null is a suppressed cell\"}",
            "GET /api/public/complaints/HB20260302-ABCDEFGH", "{\"trackingCode\":\"HB20260302-ABCDEFGH\","
                    + "\"type\":\"COMPLAINT\",\"category\":\"AIR\",\"district\":\"兴隆台区\",\"status\":\"REPLIED\","
                    + "\"registeredAt\":\"2026-03-02T10:00:00+08:00\",\"dueDate\":\"2026-03-23\","
                    + "\"reply\":\"经核查未发现异常\"}",
            "POST /api/public/complaints/HB20260302-ABCDEFGH/follow-up", "{\"status\":\"FOLLOWED_UP\"}");
    static final HttpServer SERVICE = start();

    private static String request(String status) {
        return "{\"id\":\"" + REQUEST + "\",\"complaintId\":\"" + HANDLING + "\","
                + "\"trackingCode\":\"HB20260302-ABCDEFGH\","
                + "\"complaintDueDate\":\"2026-03-23\",\"unit\":\"兴隆台区生态环境分局\",\"requestedBy\":\"handler-xlt\","
                + "\"workingDays\":5,\"reason\":\"需委托第三方检测\",\"requestedAt\":\"2026-03-02T10:00:00+08:00\","
                + "\"status\":\"" + status + "\"" + ("APPROVED".equals(status)
                ? ",\"approvedDays\":4,\"dueDateAfter\":\"2026-03-27\",\"decidedBy\":\"operator1\"" : "") + "}";
    }

    private static String complaint(String id, String status, String returnedBy, String returnReason) {
        return "{\"id\":\"" + id + "\",\"trackingCode\":\"HB20260302-ABCDEFGH\",\"channel\":\"WEB\","
                + "\"type\":\"COMPLAINT\",\"category\":\"AIR\",\"description\":\"夜间烟囱冒黑烟\",\"district\":\"兴隆台区\","
                + "\"status\":\"" + status + "\",\"registeredAt\":\"2026-03-02T10:00:00+08:00\","
                + "\"dueDate\":\"2026-03-23\",\"overdue\":false,\"sla\":{\"dueDate\":\"2026-03-23\","
                + "\"escalation\":\"NONE\",\"pausedDays\":0},\"handling\":{\"unit\":"
                + ("HANDLING".equals(status) ? "\"兴隆台区生态环境分局\"" : "null") + ",\"returnReason\":" + returnReason
                + ",\"returnedBy\":" + returnedBy + ",\"reopenCount\":0},\"version\":3}";
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
                if ("POST".equals(exchange.getRequestMethod())) {
                    POSTED.add(key + " " + new String(exchange.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8) + " " + exchange.getRequestHeaders().getFirst("X-Tracking-Secret"));
                }
                String answer = ANSWERS.get(key);
                byte[] body = (answer == null ? "{\"title\":\"Not found\",\"status\":404}" : answer)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type",
                        answer == null ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void complaintService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.complaint-service[0].uri",
                () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    private String page(String role, String path) {
        return web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_" + role)))
                .get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    @Test
    void theOperatorSeesTheWaitingRequestWithItsApproveAndRefuseForms() {
        assertThat(page("hotline_operator", "/hotline/extensions")).contains("HB20260302-ABCDEFGH")
                .contains("需委托第三方检测").contains("待审批")
                .contains("/hotline/extensions/" + HANDLING + "/" + REQUEST + "/approve")
                .contains("/hotline/extensions/" + HANDLING + "/" + REQUEST + "/refuse")
                .contains("for=\"days-" + REQUEST + "\"").doesNotContain("这部分内容暂时无法显示");
    }

    @Test
    void theHandlerAsksForMoreTimeAndSeesTheDecisions() {
        assertThat(page("complaint_handler", "/handling/complaints/" + HANDLING))
                .contains("/handling/complaints/" + HANDLING + "/extension-request")
                .contains("id=\"workingDays\"").contains("已批准").contains("批准 4 个工作日，期限至 2026-03-27")
                .contains("/handling/complaints/" + HANDLING + "\"");
    }

    @Test
    void theOperatorSeesTheLastReturnTheOverrideAndTheDistrictCorrection() {
        assertThat(page("hotline_operator", "/hotline/complaints/" + RETURNED))
                .contains("最近一次退单").contains("兴隆台区生态环境分局 退回：属大洼区辖区")
                .contains("id=\"override\"").contains("仍退回 兴隆台区生态环境分局")
                .contains("/hotline/complaints/" + RETURNED + "/district").contains("id=\"districtReason\"");
    }

    @Test
    void aSuppressedCellIsShownAsSuppressedNeverAsZero() {
        String statistics = web.get().uri("/statistics").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(statistics).contains("不足阈值，未显示").contains("并非零").contains("30")
                .doesNotContain("NOISE&quot;:").doesNotContain("\"NOISE\":null");
    }

    @Test
    void theAnonymousFilerAnswersTheFollowUpWithTheSecretWhichNoPageHolds() {
        String tracked = web.mutateWith(csrf()).post().uri("/track").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "HB20260302-ABCDEFGH").with("secret", "S3CRET"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(tracked).contains("/track/follow-up").contains("id=\"follow-up-secret\"").doesNotContain("S3CRET");

        web.mutateWith(csrf()).post().uri("/track/follow-up").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "HB20260302-ABCDEFGH").with("secret", "S3CRET")
                        .with("satisfaction", "SATISFIED").with("solved", "true"))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("notice success").doesNotContain("S3CRET"));
        assertThat(POSTED).anySatisfy(posted -> assertThat(posted)
                .startsWith("POST /api/public/complaints/HB20260302-ABCDEFGH/follow-up")
                .contains("\"satisfaction\":\"SATISFIED\"").contains("\"solved\":true").endsWith(" S3CRET"));
    }
}
