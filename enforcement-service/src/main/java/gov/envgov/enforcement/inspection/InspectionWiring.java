package gov.envgov.enforcement.inspection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.calendar.WorkingDayCalendar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionProperties.class)
class InspectionWiring {

    @Bean
    InspectionRules inspectionRules(InspectionProperties properties, WorkingDayCalendar calendar) {
        return new InspectionRules(properties, calendar);
    }
}
