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
 * The portal alone, with no service reachable (no Eureka, no Keycloak): pages still render and say which part is
 * unavailable; headers are strict; forms need their CSRF token; pages are kept from the roles that cannot use them.
 */
@SpringBootTest(properties = {"spring.config.name=portal-sessions-test", "envgov.portal.sessions=memory"})
class PortalPagesTest {

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void aPageWhoseServiceIsDownStillRendersAndSaysSoWithStrictHeaders() {
        String page = web.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy",
                        ".*script-src 'self';.*frame-ancestors 'none'.*form-action 'self' http://localhost:1.*")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueMatches("Cache-Control", ".*no-store.*")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("这部分内容暂时无法显示").contains("我要投诉").doesNotContain("Exception")
                .doesNotContain("<script>").doesNotContain("style=");
        web.get().uri("/statistics").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("这部分内容暂时无法显示"));
    }

    @Test
    void assetsMayBeCachedButPagesNever() {
        web.get().uri("/css/portal.css").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age=3600.*");
        web.get().uri("/js/verify-draw.js").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age=3600.*");
        web.get().uri("/track").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*no-store.*");
    }

    @Test
    void readingPublicPagesStartsNoSessionAndAPageWithAFormDoes() {
        for (String page : new String[] {"/", "/statistics", "/permits", "/penalties", "/inspections", "/blacklist"}) {
            web.get().uri(page).exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist("Set-Cookie");
        }
        web.get().uri("/report").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Set-Cookie", "(?i)ENVGOV_SESSION=.*httponly.*");
    }

    @Test
    void theLanguageSwitchesToEnglishAndStays() {
        web.get().uri("/?lang=en").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Set-Cookie", "lang=en.*")
                .expectBody(String.class).value(body -> assertThat(body).contains("Report a problem")
                        .contains("lang=\"en\""));
        web.get().uri("/report").cookie("lang", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("Describe the environmental"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        web.post().uri("/track").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "X").with("secret", "Y"))
                .exchange().expectStatus().isForbidden();
        web.mutateWith(csrf()).post().uri("/track").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "X").with("secret", "Y"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("这部分内容暂时无法显示"));
    }

    @Test
    void signedInPagesNeedASignInAndTheirRole() {
        web.get().uri("/my/complaints").exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueMatches("Location", ".*/oauth2/authorization/keycloak");
        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_citizen")))
                .get().uri("/hotline").exchange().expectStatus().isForbidden();
        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_citizen")))
                .get().uri("/my/complaints").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("我的投诉")
                        .contains("这部分内容暂时无法显示"));
    }
}
