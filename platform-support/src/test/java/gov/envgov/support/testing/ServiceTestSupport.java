package gov.envgov.support.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Import into a service's {@code @SpringBootTest}: test tokens instead of Keycloak. */
@TestConfiguration(proxyBeanMethods = false)
public class ServiceTestSupport {

    @Bean
    @Primary
    ReactiveJwtDecoder testJwtDecoder() {
        return TestTokens.decoder();
    }
}
