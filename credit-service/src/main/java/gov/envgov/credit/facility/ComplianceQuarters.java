package gov.envgov.credit.facility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * CRD-FACILITY-QUARTERS: the compliance status of the last quarters up to and including the quarter of the day the
 * report is made, oldest first, one character each: {@code S} a significant violation in the quarter, {@code V} a
 * violation, {@code _} none known. Withdrawn facts do not count. The same facts on the same day always give the
 * same string.
 */
public final class ComplianceQuarters {

    private ComplianceQuarters() {
    }

    /** One quarter of the table. */
    public record Quarter(String quarter, LocalDate start, LocalDate end, String status, int violations,
                          int significant) {
    }

    public static List<Quarter> table(LocalDate asOf, int count, Collection<FacilityFact> facts) {
        List<Quarter> quarters = new ArrayList<>(count);
        LocalDate current = start(asOf);
        for (int back = count - 1; back >= 0; back--) {
            LocalDate start = current.minusMonths(3L * back);
            LocalDate end = start.plusMonths(3).minusDays(1);
            int violations = 0;
            int significant = 0;
            for (FacilityFact fact : facts) {
                if (fact.counts() && !fact.occurredOn().isBefore(start) && !fact.occurredOn().isAfter(end)) {
                    if (fact.severity() == Severity.SIGNIFICANT) {
                        significant++;
                    } else {
                        violations++;
                    }
                }
            }
            String status = significant > 0 ? "S" : violations > 0 ? "V" : "_";
            quarters.add(new Quarter(start.getYear() + "Q" + (start.getMonthValue() / 3 + 1), start, end, status,
                    violations, significant));
        }
        return List.copyOf(quarters);
    }

    public static String statusString(List<Quarter> table) {
        StringBuilder out = new StringBuilder(table.size());
        table.forEach(quarter -> out.append(quarter.status()));
        return out.toString();
    }

    /** The first day of the quarter a day falls in. */
    public static LocalDate start(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }
}
