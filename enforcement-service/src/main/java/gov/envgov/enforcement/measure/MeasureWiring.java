package gov.envgov.enforcement.measure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeasureProperties.class)
class MeasureWiring {

    @Bean
    MeasureRules measureRules(MeasureProperties properties) {
        return new MeasureRules(properties);
    }

    /** On the service's clock: deadlines of side measures that passed are reported once each. */
    @Bean
    ClockTask measureDeadlineClock(MeasureService measures, MeasureProperties properties) {
        return new ClockTask() {
            @Override
            public String name() {
                return "measure-deadlines";
            }

            @Override
            public Mono<Long> run() {
                return measures.passDeadlines(properties.clockBatchSize());
            }
        };
    }
}
