package gov.envgov.support.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The city's county-level divisions and zones, as reference data ({@code envgov.reference.districts}): a city
 * deploying EnvGov lists its own.
 */
@ConfigurationProperties("envgov.reference")
public record Districts(List<District> districts) {

    public Districts {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    public boolean isKnown(String name) {
        return find(name).isPresent();
    }

    public Optional<District> find(String name) {
        return districts.stream().filter(district -> district.name().equals(name)).findFirst();
    }

    /**
     * @param name         the name used everywhere in the platform, e.g. 兴隆台区
     * @param divisionCode the administrative division code (GB/T 2260), digits 3–8 of local credit codes
     */
    public record District(String name, String divisionCode) {
    }
}
