package gov.envgov.credit.rectification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class RectificationWiring {

    /** CRD-RECTIFICATION-QUARTERLY: reports owed by the grades in force, and overdue ones, once a day. */
    @Bean
    ClockTask rectificationClock(RectificationService rectifications) {
        return new ClockTask() {
            @Override
            public String name() {
                return "credit-rectification";
            }

            @Override
            public Mono<Long> run() {
                return rectifications.sweep();
            }
        };
    }
}
