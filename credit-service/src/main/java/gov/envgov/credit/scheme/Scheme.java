package gov.envgov.credit.scheme;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a credit-evaluation scheme (企业环境信用评价办法), as data: who is in scope, indicators in groups,
 * the deduction rule of each counting event with its severity bands, the veto events that go straight to the worst
 * grade, the grade thresholds, and how long a result stays published. Loaded from {@code credit/schemes/*.json};
 * immutable, so a published result keeps the version it was computed under whatever ships later.
 *
 * @param scheme        the scheme's identity across versions ({@code LN}, {@code CN-2013}, {@code AH})
 * @param version       this version's identity, named by every result computed under it
 * @param effectiveFrom the first day this version applies; a period runs under the version in force on its first day
 * @param placeholder   true where the numbers are not the official table (Liaoning's thresholds, DOMAIN.md)
 * @param grades        best first; the last is the worst grade and has minimum score 0
 */
public record Scheme(String scheme, String version, String name, String basis, LocalDate effectiveFrom,
                     Boolean placeholder, String note, int baseScore, String period, Scope scope, List<Group> groups,
                     List<Deduction> deductions, List<Veto> vetoes, List<Grade> grades, Publication publication) {

    /** The event type of records a credit officer enters by hand under rules no feed supplies. */
    public static final String MANUAL = "Manual";

    public Scheme {
        groups = List.copyOf(groups);
        deductions = List.copyOf(deductions);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        grades = List.copyOf(grades);
        check(version, groups, deductions, vetoes, grades);
    }

    /**
     * Who is evaluated: units of these management classes, units with a record in the period (an incident or a
     * violation), and registered service agencies where the scheme says so.
     */
    public record Scope(List<String> managementClasses, Boolean withRecordsInPeriod, Boolean serviceAgencies,
                        String description) {
        public Scope {
            managementClasses = managementClasses == null ? List.of() : List.copyOf(managementClasses);
        }
    }

    public record Group(String code, String name, List<Indicator> indicators) {
        public Group {
            indicators = List.copyOf(indicators);
        }
    }

    /** An indicator; its deductions in one period add up to at most {@code maxDeduction}. */
    public record Indicator(String code, String name, int maxDeduction) {
    }

    /** How an event's severity is measured before its band is chosen. */
    public enum Measure {
        /** One band for every occurrence. */
        NONE,
        /** How far above the limit: measured ÷ permitted − 1 (concentration, annual quantity). */
        EXCEEDANCE_RATIO,
        /** The fine decided, in yuan. */
        FINE_AMOUNT,
        /** Inspection items failed. */
        FAILED_ITEMS
    }

    /**
     * The rule for one kind of counting event.
     *
     * @param vetoCode      every such event is this veto event
     * @param vetoIfFlagged the event is this veto event when its source says so (a penalty decision marked veto)
     * @param bands         in increasing severity; the first whose {@code upTo} the measure does not exceed applies,
     *                      the last has no {@code upTo}
     */
    public record Deduction(String rule, String eventType, String indicator, String name, Measure measure,
                            String vetoCode, String vetoIfFlagged, List<Band> bands) {
        public Deduction {
            bands = List.copyOf(bands);
            measure = measure == null ? Measure.NONE : measure;
        }

        public Band band(Double measured) {
            if (measure == Measure.NONE || measured == null) {
                return bands.get(0);
            }
            return bands.stream().filter(band -> band.upTo() == null || measured <= band.upTo()).findFirst()
                    .orElse(bands.get(bands.size() - 1));
        }

        public Optional<Band> band(String severity) {
            return bands.stream().filter(band -> band.severity().equals(severity)).findFirst();
        }
    }

    /** A severity band: up to this measure (inclusive; none for the last band), this many points are deducted. */
    public record Band(String severity, Double upTo, int points) {
    }

    /** A veto event (一票否决): the subject gets the worst grade, whatever its score. */
    public record Veto(String code, String name) {
    }

    public record Grade(String code, String name, String color, int minScore) {
    }

    /** How long a result stays published (ISO-8601 period), and the scheme's own words on it. */
    public record Publication(String resultValidFor, String description) {
    }

    public boolean isPlaceholder() {
        return Boolean.TRUE.equals(placeholder);
    }

    public Optional<Deduction> rule(String code) {
        return deductions.stream().filter(deduction -> deduction.rule().equals(code)).findFirst();
    }

    /** The rule for events of this type; none when the type does not count under this scheme. */
    public Optional<Deduction> ruleFor(String eventType) {
        return deductions.stream().filter(deduction -> deduction.eventType().equals(eventType)).findFirst();
    }

    public Optional<Veto> veto(String code) {
        return vetoes.stream().filter(veto -> veto.code().equals(code)).findFirst();
    }

    public Indicator indicator(String code) {
        return groups.stream().flatMap(group -> group.indicators().stream())
                .filter(indicator -> indicator.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(version + " has no indicator " + code));
    }

    public Grade worstGrade() {
        return grades.get(grades.size() - 1);
    }

    /** The grade of a score: the worst grade for a veto event, else the best grade whose minimum it reaches. */
    public Grade grade(int score, boolean veto) {
        if (veto) {
            return worstGrade();
        }
        return grades.stream().filter(grade -> score >= grade.minScore()).findFirst().orElse(worstGrade());
    }

    private static void check(String version, List<Group> groups, List<Deduction> deductions, List<Veto> vetoes,
                              List<Grade> grades) {
        Set<String> indicators = new HashSet<>();
        groups.forEach(group -> group.indicators().forEach(indicator -> indicators.add(indicator.code())));
        Set<String> vetoCodes = new HashSet<>();
        vetoes.forEach(veto -> vetoCodes.add(veto.code()));
        Set<String> rules = new HashSet<>();
        for (Deduction deduction : deductions) {
            if (!rules.add(deduction.rule()) || !indicators.contains(deduction.indicator())
                    || deduction.bands().isEmpty()
                    || deduction.bands().get(deduction.bands().size() - 1).upTo() != null
                    || (deduction.vetoCode() != null && !vetoCodes.contains(deduction.vetoCode()))
                    || (deduction.vetoIfFlagged() != null && !vetoCodes.contains(deduction.vetoIfFlagged()))) {
                throw new IllegalArgumentException("scheme " + version + ": rule " + deduction.rule()
                        + " is not unique, names no indicator or veto of the scheme, or its last band has a bound");
            }
        }
        for (int i = 1; i < grades.size(); i++) {
            if (grades.get(i).minScore() >= grades.get(i - 1).minScore()) {
                throw new IllegalArgumentException("scheme " + version + ": grades must go from best to worst");
            }
        }
        if (grades.isEmpty() || grades.get(grades.size() - 1).minScore() != 0) {
            throw new IllegalArgumentException("scheme " + version + ": the worst grade must start at 0");
        }
    }
}
