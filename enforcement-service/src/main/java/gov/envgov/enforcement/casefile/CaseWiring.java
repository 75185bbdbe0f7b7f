package gov.envgov.enforcement.casefile;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.calendar.WorkingDayCalendar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseProperties.class)
class CaseWiring {

    @Bean
    CaseRules caseRules(CaseProperties properties, WorkingDayCalendar calendar) {
        return new CaseRules(properties, calendar);
    }
}
