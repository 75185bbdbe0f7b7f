package gov.envgov.permit.report;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import gov.envgov.permit.permit.PermitContent.ReportFrequency;

/** One reporting period and the day its report is due. */
public record ReportPeriod(ReportFrequency frequency, LocalDate start, LocalDate end, LocalDate dueOn) {

    /** Every period of a frequency that overlaps a permit's validity, with its due date under the rules. */
    static List<ReportPeriod> covering(ReportFrequency frequency, LocalDate from, LocalDate to,
                                       ReportProperties rules) {
        List<ReportPeriod> periods = new ArrayList<>();
        LocalDate start = startOf(frequency, from);
        while (!start.isAfter(to)) {
            LocalDate next = switch (frequency) {
                case ANNUAL -> start.plusYears(1);
                case QUARTERLY -> start.plusMonths(3);
                case MONTHLY -> start.plusMonths(1);
            };
            LocalDate end = next.minusDays(1);
            LocalDate due = switch (frequency) {
                case ANNUAL -> rules.annualDue().atYear(next.getYear());
                case QUARTERLY -> end.plusDays(rules.quarterlyDueDays());
                case MONTHLY -> next.withDayOfMonth(rules.monthlyDueDay());
            };
            periods.add(new ReportPeriod(frequency, start, end, due));
            start = next;
        }
        return periods;
    }

    private static LocalDate startOf(ReportFrequency frequency, LocalDate day) {
        return switch (frequency) {
            case ANNUAL -> day.withDayOfYear(1);
            case QUARTERLY -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }
}
