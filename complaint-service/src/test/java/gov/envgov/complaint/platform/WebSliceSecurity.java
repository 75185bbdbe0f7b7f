package gov.envgov.complaint.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import gov.envgov.support.testing.WebSlice;

/**
 * Import into a {@code @WebFluxTest}: this service's real security rules ({@link SecurityConfig}) on the platform's
 * chain ({@link WebSlice}: the real role mapping, test tokens decoded like Keycloak's, the problem responses).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({WebSlice.class, SecurityConfig.class})
public class WebSliceSecurity {
}
