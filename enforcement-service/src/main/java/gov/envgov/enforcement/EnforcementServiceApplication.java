package gov.envgov.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EnforcementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnforcementServiceApplication.class, args);
    }
}
