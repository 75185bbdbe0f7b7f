package gov.envgov.credit.blacklist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlacklistProperties.class)
class ListWiring {

    /**
     * CRD-LIST-PERIODS: entries come off the list on the day their maximum period ends. Safe on every replica:
     * each removal is conditional on the entry's version.
     */
    @Bean
    ClockTask listExpiryClock(ListService list) {
        return new ClockTask() {
            @Override
            public String name() {
                return "credit-list-expiry";
            }

            @Override
            public Mono<Long> run() {
                return list.removeExpired();
            }
        };
    }
}
