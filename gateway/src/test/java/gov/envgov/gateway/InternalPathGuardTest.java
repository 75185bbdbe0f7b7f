package gov.envgov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalPathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/internal/events", "/api/enterprises/../internal/events",
            "/api/enterprises/%2e%2e/internal/events", "/api/complaints/..%2Finternal", "/api/x/%2F..%2Finternal",
            "/api/enforcement/actuator/env", "/actuator/env", "/actuator/gateway/routes", "/api/a/./b",
            "/api/complaints;jsessionid=1/../internal", "/api/credit/INTERNAL/events", "/api/a\\..\\internal"})
    void refusesPathsThatCouldReachInternalOrManagementEndpoints(String path) {
        assertThat(InternalPathGuard.isForbidden(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/enterprises", "/api/enterprises/91211103MA0GA0001Y", "/api/complaints",
            "/actuator/health", "/actuator/health/readiness", "/api-docs/permit-service", "/swagger-ui/index.html",
            "/api/public/permits", "/api/complaints/internals-report"})
    void letsOrdinaryPathsThrough(String path) {
        assertThat(InternalPathGuard.isForbidden(path)).isFalse();
    }
}
