package gov.envgov.credit.scheme;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which scheme the city runs and where the shipped versions are ({@code envgov.credit.schemes}).
 *
 * @param inForce   the scheme of the city's province (Panjin: Liaoning's, {@code LN})
 * @param locations resource patterns of the scheme files
 */
@ConfigurationProperties("envgov.credit.schemes")
public record SchemeProperties(String inForce, List<String> locations) {

    public SchemeProperties {
        if (inForce == null || inForce.isBlank()) {
            throw new IllegalArgumentException("envgov.credit.schemes.in-force must name a scheme");
        }
        locations = locations == null || locations.isEmpty() ? List.of("classpath*:credit/schemes/*.json")
                : List.copyOf(locations);
    }
}
