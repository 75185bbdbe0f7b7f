package gov.envgov.permit.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.problem.ProblemAdvice;
import gov.envgov.support.problem.ProblemWebExceptionHandler;
import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.SecurityProperties;
import gov.envgov.support.testing.TestTokens;

/**
 * What a {@code @WebFluxTest} of a permit-service controller needs besides the controller and its mocked services:
 * this service's real path rules ({@link SecurityConfig}) on the platform's chain, with a decoder that turns
 * {@link TestTokens} into Keycloak-shaped tokens, so the real role mapping and ownership claims decide; the problem
 * advice every service has; and the bureau's time, fixed at 10 March 2026.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class PermitWebSlice {

    public static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    @Bean
    ReactiveJwtDecoder testJwtDecoder() {
        return TestTokens.decoder();
    }

    @Bean
    PlatformSecurity platformSecurity(SecurityProperties properties, ReactiveJwtDecoder decoder) {
        return new PlatformSecurity(properties, decoder);
    }

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new ProblemWebExceptionHandler();
    }

    @Bean
    BureauTime bureauTime() {
        return new BureauTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
    }
}
