package gov.envgov.complaint.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import gov.envgov.support.problem.ProblemAdvice;
import gov.envgov.support.problem.ProblemWebExceptionHandler;
import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.SecurityProperties;
import gov.envgov.support.testing.TestTokens;

/**
 * Import into a {@code @WebFluxTest}: this service's real security rules ({@link SecurityConfig}) on the platform's
 * chain with its real Keycloak role mapping, test tokens decoded like Keycloak's, and the platform's problem
 * responses. Only the decoder stands in for Keycloak.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@Import(SecurityConfig.class)
public class WebSliceSecurity {

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
}
