package gov.envgov.enforcement.positivelist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PositiveListProperties.class)
class PositiveListWiring {

    @Bean
    PositiveListRules positiveListRules(PositiveListProperties properties) {
        return new PositiveListRules(properties);
    }

    /** On the service's clock: removals as soon as a rule breaks, new listings once a day. */
    @Bean
    ClockTask positiveListClock(PositiveListService positiveList) {
        return new ClockTask() {
            @Override
            public String name() {
                return "positive-list";
            }

            @Override
            public Mono<Long> run() {
                return positiveList.evaluateOnTheClock();
            }
        };
    }
}
