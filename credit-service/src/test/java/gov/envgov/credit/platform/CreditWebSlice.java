package gov.envgov.credit.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import gov.envgov.support.testing.WebSlice;

/** Import into a {@code @WebFluxTest}: this service's real path rules on the platform's chain ({@link WebSlice}). */
@TestConfiguration(proxyBeanMethods = false)
@Import({WebSlice.class, SecurityConfig.class})
public class CreditWebSlice {
}
