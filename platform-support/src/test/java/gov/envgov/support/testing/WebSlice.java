package gov.envgov.support.testing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import gov.envgov.support.problem.ProblemAdvice;
import gov.envgov.support.problem.ProblemWebExceptionHandler;
import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.SecurityProperties;

/**
 * What every service's {@code @WebFluxTest} needs besides the controller, its mocked services and the service's own
 * {@code SecurityConfig} (which the service's slice configuration imports beside this): the platform's chain with its
 * real Keycloak role mapping, a decoder that turns {@link TestTokens} into Keycloak-shaped tokens, and the platform's
 * problem responses. Only the decoder stands in for Keycloak.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class WebSlice {

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
