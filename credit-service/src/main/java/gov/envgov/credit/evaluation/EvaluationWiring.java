package gov.envgov.credit.evaluation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvaluationProperties.class)
class EvaluationWiring {

    @Bean
    EvaluationRules evaluationRules(EvaluationProperties properties, WorkingDayCalendar calendar) {
        return new EvaluationRules(properties, calendar);
    }

    /**
     * CRD-EVAL-FINAL-PUBLICATION: an approved result not published by a credit officer is published on its last
     * day. Safe on every replica at once: the publication is conditional on the evaluation's version.
     */
    @Bean
    ClockTask finalPublicationClock(EvaluationService evaluations) {
        return new ClockTask() {
            @Override
            public String name() {
                return "credit-final-publication";
            }

            @Override
            public Mono<Long> run() {
                return evaluations.publishDue();
            }
        };
    }
}
