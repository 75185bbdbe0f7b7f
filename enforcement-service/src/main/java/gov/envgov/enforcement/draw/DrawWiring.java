package gov.envgov.enforcement.draw;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DrawProperties.class)
class DrawWiring {

    @Bean
    DrawRules drawRules(DrawProperties properties) {
        return new DrawRules(properties);
    }
}
