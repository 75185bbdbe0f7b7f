package gov.envgov.enforcement.task;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TaskWiring {

    @Bean
    InspectorAssignment inspectorAssignment(
            @Value("${envgov.enforcement.inspection.inspectors-per-task}") int inspectorsPerTask) {
        return new InspectorAssignment(inspectorsPerTask);
    }
}
