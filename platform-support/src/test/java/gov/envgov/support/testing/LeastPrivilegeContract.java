package gov.envgov.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.security.SecurityProperties;
import gov.envgov.support.testing.ClientAccess.Endpoint;

/**
 * ACCESS-CLIENT-LEAST for a service whose only machine callers are the other services reading its feed: each
 * service account reaches the feed and nothing else, the monitoring system nothing at all. A service's
 * {@code AccessRulesTest} extends this as a {@code @WebFluxTest} with {@link ClientAccess.AnyPath} standing in for
 * every controller and its real security rules imported, so a request the rules let through answers 200 and one
 * they refuse answers 403.
 */
public abstract class LeastPrivilegeContract {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected SecurityProperties security;

    /** The service's base package, whose controllers' endpoints are probed. */
    protected abstract String basePackage();

    /** An endpoint only staff may call. */
    protected abstract Endpoint staffEndpoint();

    /** How many endpoints the service has at least (so that a scan that finds none cannot pass). */
    protected abstract int minimumEndpoints();

    @Test
    @DisplayName("ACCESS-CLIENT-LEAST: each machine account of the realm reaches only what it needs in this service")
    void eachMachineAccountReachesOnlyWhatItNeeds() {
        assertThat(ClientAccess.endpoints(basePackage())).hasSizeGreaterThan(minimumEndpoints())
                .contains(staffEndpoint(), ClientAccess.FEED);
        ClientAccess.assertLeastPrivilege(web, security, basePackage(), Map.of(
                "permit-service", Set.of(ClientAccess.FEED),
                "complaint-service", Set.of(ClientAccess.FEED),
                "enforcement-service", Set.of(ClientAccess.FEED),
                "credit-service", Set.of(ClientAccess.FEED)));
    }

    @Test
    @DisplayName("ACCESS-CLIENT-LEAST: the monitoring system cannot read this service's feed or a staff endpoint")
    void theMonitoringSystemReadsNothingHere() {
        String monitoring = ClientAccess.token("monitoring-system");
        call(ClientAccess.FEED, monitoring).isForbidden();
        call(staffEndpoint(), monitoring).isForbidden();
        String feedReader = ClientAccess.token("permit-service");
        call(ClientAccess.FEED, feedReader).isOk();
        call(staffEndpoint(), feedReader).isForbidden();
    }

    private StatusAssertions call(Endpoint endpoint, String token) {
        return web.method(endpoint.method()).uri(endpoint.path()).headers(headers -> headers.setBearerAuth(token))
                .exchange().expectStatus();
    }
}
