package gov.envgov.permit.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.testing.TestTokens;
import gov.envgov.support.testing.WebSlice;

/**
 * What a {@code @WebFluxTest} of a permit-service controller needs besides the controller and its mocked services:
 * this service's real path rules ({@link SecurityConfig}) on the platform's chain ({@link WebSlice}: a decoder that
 * turns {@link TestTokens} into Keycloak-shaped tokens, so the real role mapping and ownership claims decide, and the
 * problem advice every service has); and the bureau's time, fixed at 10 March 2026.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({WebSlice.class, SecurityConfig.class})
public class PermitWebSlice {

    public static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    @Bean
    BureauTime bureauTime() {
        return new BureauTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
    }
}
