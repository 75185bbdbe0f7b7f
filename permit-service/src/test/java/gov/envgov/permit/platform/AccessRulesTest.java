package gov.envgov.permit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.security.SecurityProperties;
import gov.envgov.support.testing.ClientAccess;
import gov.envgov.support.testing.ClientAccess.Endpoint;
import gov.envgov.support.testing.TestTokens;

/**
 * permit-service's real path rules, alone: {@link ClientAccess.AnyPath} stands in for every controller, so a request
 * the rules let through answers 200 and one they refuse answers 401/403.
 */
@WebFluxTest(controllers = ClientAccess.AnyPath.class)
@Import({PermitWebSlice.class, ClientAccess.AnyPath.class})
class AccessRulesTest {

    private static final Endpoint READINGS = Endpoint.of("POST", "/api/monitoring/readings");

    @Autowired
    WebTestClient web;

    @Autowired
    SecurityProperties security;

    @Test
    @DisplayName("ACCESS-CLIENT-LEAST: each machine account of the realm reaches only what it needs in permit-service")
    void eachMachineAccountReachesOnlyWhatItNeeds() {
        assertThat(ClientAccess.endpoints("gov.envgov.permit")).hasSizeGreaterThan(40)
                .contains(READINGS, Endpoint.of("GET", "/api/permits/review-queue"), ClientAccess.FEED);
        ClientAccess.assertLeastPrivilege(web, security, "gov.envgov.permit", Map.of(
                "monitoring-system", Set.of(READINGS),
                "permit-service", Set.of(ClientAccess.FEED),
                "complaint-service", Set.of(ClientAccess.FEED),
                "enforcement-service", Set.of(ClientAccess.FEED),
                "credit-service", Set.of(ClientAccess.FEED)));
    }

    @Test
    @DisplayName("ACCESS-CLIENT-LEAST: the monitoring system sends readings and cannot read the feed or staff data")
    void theMonitoringSystemSendsReadingsOnly() {
        String monitoring = ClientAccess.token("monitoring-system");
        call(HttpMethod.POST, "/api/monitoring/readings", monitoring).isOk();
        call(HttpMethod.GET, "/internal/events", monitoring).isForbidden();
        call(HttpMethod.GET, "/api/monitoring/exceedances", monitoring).isForbidden();
        call(HttpMethod.GET, "/api/permits/review-queue", monitoring).isForbidden();
        String feedReader = ClientAccess.token("credit-service");
        call(HttpMethod.GET, "/internal/events", feedReader).isOk();
        call(HttpMethod.POST, "/api/monitoring/readings", feedReader).isForbidden();
        call(HttpMethod.GET, "/api/enterprises", feedReader).isForbidden();
    }

    @Test
    @DisplayName("ACCESS-PERMIT-READ: permits are read by review, inspection, legal review, credit and admin, "
            + "not by the hotline or a complaint handler")
    void permitsAreReadByTheRolesWhoseWorkNeedsThem() {
        for (String role : new String[] {"permit_reviewer", "inspector", "legal_reviewer", "credit_officer", "admin"}) {
            call(HttpMethod.GET, "/api/permits/x1", TestTokens.of("staff", role)).isOk();
            call(HttpMethod.GET, "/api/registrations/x1", TestTokens.of("staff", role)).isOk();
        }
        for (String role : new String[] {"hotline_operator", "complaint_handler", "citizen"}) {
            call(HttpMethod.GET, "/api/permits", TestTokens.of("staff", role)).isForbidden();
            call(HttpMethod.GET, "/api/permits/x1/reports", TestTokens.of("staff", role)).isForbidden();
            call(HttpMethod.GET, "/api/registrations/x1", TestTokens.of("staff", role)).isForbidden();
        }
        call(HttpMethod.GET, "/api/permits/x1", TestTokens.enterprise("ent-a", "91211103MA0GA0001Y")).isOk();
    }

    @Test
    @DisplayName("ACCESS-MONITORING-READ: monitoring data is read by inspection, legal review, credit and admin, "
            + "not by the hotline, a complaint handler or the permit reviewer")
    void monitoringDataIsReadByTheRolesWhoseWorkNeedsIt() {
        for (String role : new String[] {"inspector", "legal_reviewer", "credit_officer", "admin"}) {
            call(HttpMethod.GET, "/api/monitoring/exceedances", TestTokens.of("staff", role)).isOk();
        }
        for (String role : new String[] {"hotline_operator", "complaint_handler", "permit_reviewer", "citizen"}) {
            call(HttpMethod.GET, "/api/monitoring/means", TestTokens.of("staff", role)).isForbidden();
            call(HttpMethod.GET, "/api/monitoring/anomalies", TestTokens.of("staff", role)).isForbidden();
        }
        call(HttpMethod.GET, "/api/monitoring/means", TestTokens.enterprise("ent-a", "91211103MA0GA0001Y")).isOk();
    }

    @Test
    @DisplayName("ACCESS-COMPLIANCE-READ: an enterprise's compliance picture follows the monitoring readers")
    void theCompliancePictureFollowsTheMonitoringReaders() {
        String path = "/api/enterprises/91211103MA0GA0001Y/compliance";
        call(HttpMethod.GET, path, TestTokens.of("inspector1", "inspector")).isOk();
        call(HttpMethod.GET, path, TestTokens.of("credit1", "credit_officer")).isOk();
        call(HttpMethod.GET, path, TestTokens.of("operator1", "hotline_operator")).isForbidden();
        call(HttpMethod.GET, path, TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler"))
                .isForbidden();
        // The registry itself stays open to every person who signs in.
        call(HttpMethod.GET, "/api/enterprises/91211103MA0GA0001Y", TestTokens.of("operator1", "hotline_operator"))
                .isOk();
    }

    @Test
    @DisplayName("ACCESS-WWW-AUTHENTICATE: no token, a bare Bearer challenge; a bad token, error=\"invalid_token\"")
    void theChallengeNamesTheErrorOnlyWhenATokenWasSent() {
        web.get().uri("/api/permits").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"envgov\"");
        web.get().uri("/api/permits").headers(headers -> headers.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"envgov\", error=\"invalid_token\"");
        web.get().uri("/api/permits").header(HttpHeaders.AUTHORIZATION, "Bearer a b").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"envgov\", error=\"invalid_token\"");
    }

    private StatusAssertions call(HttpMethod method, String path, String token) {
        return web.method(method).uri(path).headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus();
    }
}
