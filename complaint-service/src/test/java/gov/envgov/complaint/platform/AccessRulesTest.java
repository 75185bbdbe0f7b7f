package gov.envgov.complaint.platform;

import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;

import gov.envgov.support.testing.ClientAccess;
import gov.envgov.support.testing.ClientAccess.Endpoint;
import gov.envgov.support.testing.LeastPrivilegeContract;

/** complaint-service's real path rules against the realm's machine accounts (ACCESS-CLIENT-LEAST). */
@WebFluxTest(controllers = ClientAccess.AnyPath.class)
@Import({WebSliceSecurity.class, ClientAccess.AnyPath.class})
class AccessRulesTest extends LeastPrivilegeContract {

    @Override
    protected String basePackage() {
        return "gov.envgov.complaint";
    }

    @Override
    protected Endpoint staffEndpoint() {
        return Endpoint.of("GET", "/api/complaints/queue");
    }

    @Override
    protected int minimumEndpoints() {
        return 20;
    }
}
