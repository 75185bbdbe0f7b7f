package gov.envgov.credit.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import gov.envgov.support.domain.DomainException;
import tools.jackson.databind.json.JsonMapper;

/** The shipped schemes, read once at start-up, and the version the city's scheme has in force for a period. */
@Service
public class SchemeService {

    private final SchemeCatalogue catalogue;
    private final String inForce;

    SchemeService(SchemeProperties properties, JsonMapper json) {
        this.catalogue = new SchemeCatalogue(load(properties.locations(), json));
        this.inForce = properties.inForce();
        if (catalogue.all().stream().noneMatch(scheme -> scheme.scheme().equals(inForce))) {
            throw new IllegalStateException("no scheme " + inForce + " among the shipped schemes");
        }
    }

    public List<Scheme> all() {
        return catalogue.all();
    }

    public Scheme version(String version) {
        return catalogue.version(version)
                .orElseThrow(() -> new DomainException.NotFound("credit scheme version", version));
    }

    /** CRD-SCHEME-VERSION: the version of the city's scheme in force for the period. */
    public Scheme forPeriod(int period) {
        return catalogue.inForce(inForce, period).orElseThrow(() -> new DomainException.RuleViolation(
                "no-scheme-in-force", "period", "scheme " + inForce + " has no version in force in " + period));
    }

    /** The version in force for the period, if the city's scheme had one then. */
    public Optional<Scheme> inForce(int period) {
        return catalogue.inForce(inForce, period);
    }

    public String inForce() {
        return inForce;
    }

    private static List<Scheme> load(List<String> locations, JsonMapper json) {
        List<Scheme> schemes = new ArrayList<>();
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String location : locations) {
                for (Resource resource : resolver.getResources(location)) {
                    try (InputStream in = resource.getInputStream()) {
                        schemes.add(json.readValue(in, Scheme.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credit schemes", e);
        }
        return schemes;
    }
}
