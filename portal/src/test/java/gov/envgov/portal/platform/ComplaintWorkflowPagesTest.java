package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The pages of the complaint workflow's gaps with no service reachable: the operator's extension approvals and
 * district correction, the handler's extension request, the anonymous follow-up on the tracking page. Each renders,
 * says what is unavailable, keeps to its role and needs its CSRF token.
 */
@SpringBootTest(properties = {"spring.config.name=portal-sessions-test", "envgov.portal.sessions=memory"})
class ComplaintWorkflowPagesTest {

    static final String ID = "7d6c1f7e-2b1a-4c51-9a8e-0d3f5c2a9b10";

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    private WebTestClient as(String role) {
        return web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Test
    void theOperatorsExtensionQueueRendersWhenTheServiceIsDownAndIsTheirsOnly() {
        as("hotline_operator").get().uri("/hotline/extensions").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("延期申请审批")
                        .contains("这部分内容暂时无法显示").doesNotContain("Exception"));
        as("hotline_operator").get().uri("/hotline/extensions?lang=en").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("Extension requests to decide"));
        as("complaint_handler").get().uri("/hotline/extensions").exchange().expectStatus().isForbidden();
        as("citizen").get().uri("/hotline/extensions").exchange().expectStatus().isForbidden();
        as("hotline_operator").get().uri("/hotline").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("/hotline/extensions"));
    }

    @Test
    void decisionsAndTheDistrictCorrectionNeedTheCsrfTokenAndSayWhenTheServiceIsDown() {
        String approve = "/hotline/extensions/" + ID + "/" + ID + "/approve";
        as("hotline_operator").post().uri(approve).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("workingDays", "3")).exchange().expectStatus().isForbidden();
        as("hotline_operator").mutateWith(csrf()).post().uri(approve)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("workingDays", "3").with("note", "同意")).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("延期申请审批").contains("error-summary"));
        as("hotline_operator").mutateWith(csrf()).post().uri("/hotline/extensions/" + ID + "/" + ID + "/refuse")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("note", "理由不充分")).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("error-summary"));
        as("complaint_handler").mutateWith(csrf()).post().uri(approve)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("workingDays", "3")).exchange().expectStatus().isForbidden();
        as("hotline_operator").mutateWith(csrf()).post().uri("/hotline/complaints/" + ID + "/district")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("district", "兴隆台区").with("districtReason", "来电人口误"))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("这部分内容暂时无法显示"));
    }

    @Test
    void theHandlersExtensionRequestIsTheirsAndRendersWhenTheServiceIsDown() {
        String ask = "/handling/complaints/" + ID + "/extension-request";
        as("complaint_handler").mutateWith(csrf()).post().uri(ask)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("workingDays", "5").with("reason", "需第三方检测")).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("这部分内容暂时无法显示").doesNotContain("Exception"));
        as("hotline_operator").mutateWith(csrf()).post().uri(ask)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("workingDays", "5").with("reason", "x")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void theAnonymousFollowUpAsksForTheCodeAndSecretAndNeedsItsToken() {
        web.post().uri("/track/follow-up").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "HB1").with("secret", "S")).exchange()
                .expectStatus().isForbidden();
        web.mutateWith(csrf()).post().uri("/track/follow-up").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "HB1").with("satisfaction", "SATISFIED")).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("请填写查询码和查询密码").doesNotContain("value=\"S\""));
        web.mutateWith(csrf()).post().uri("/track/follow-up").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "HB1").with("secret", "S3CRET")
                        .with("satisfaction", "SATISFIED").with("solved", "true")).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("这部分内容暂时无法显示").doesNotContain("S3CRET"));
    }
}
