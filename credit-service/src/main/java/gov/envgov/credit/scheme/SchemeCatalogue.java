package gov.envgov.credit.scheme;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every shipped version of every scheme. A period (a calendar year) is evaluated under the version of the city's
 * scheme in force on the period's first day (CRD-SCHEME-VERSION): a version that takes effect during a year applies
 * from the next period, so the rules never change within a period.
 */
public final class SchemeCatalogue {

    private final List<Scheme> schemes;

    public SchemeCatalogue(List<Scheme> schemes) {
        Set<String> versions = new HashSet<>();
        for (Scheme scheme : schemes) {
            if (!versions.add(scheme.version())) {
                throw new IllegalArgumentException("two schemes with version " + scheme.version());
            }
        }
        this.schemes = schemes.stream().sorted(Comparator.comparing(Scheme::scheme)
                .thenComparing(Scheme::effectiveFrom)).toList();
    }

    public List<Scheme> all() {
        return schemes;
    }

    public Optional<Scheme> version(String version) {
        return schemes.stream().filter(scheme -> scheme.version().equals(version)).findFirst();
    }

    /** The version of {@code scheme} in force on 1 January of {@code year}. */
    public Optional<Scheme> inForce(String scheme, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return schemes.stream().filter(candidate -> candidate.scheme().equals(scheme))
                .filter(candidate -> !candidate.effectiveFrom().isAfter(first))
                .max(Comparator.comparing(Scheme::effectiveFrom));
    }
}
