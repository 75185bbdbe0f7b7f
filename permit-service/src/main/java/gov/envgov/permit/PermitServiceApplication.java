package gov.envgov.permit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PermitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PermitServiceApplication.class, args);
    }
}
