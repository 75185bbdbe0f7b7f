package gov.envgov.permit.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.permit.permit.PermitStatus;

/**
 * One enterprise's compliance at a glance, like ECHO's quarters in violation: its permits, its execution reports,
 * and for each of the last twelve quarters what went wrong.
 */
public record CompliancePicture(String enterpriseCode, String name, LocalDate asOf, List<PermitLine> permits,
                                Reports reports, List<Quarter> quarters, int quartersInViolation) {

    public record PermitLine(UUID id, String number, PermitStatus status, LocalDate validFrom, LocalDate validTo) {
    }

    /** Reports due so far: filed on time, filed late, and overdue (still missing). */
    public record Reports(int due, int filedOnTime, int filedLate, int overdue, int quantityExceeded) {
    }

    /**
     * @param label              e.g. {@code 2026Q3}
     * @param exceedanceEpisodes online-monitoring exceedance episodes that began in the quarter
     * @param lateOrMissingReports reports due in the quarter that were filed late or are still missing
     * @param quantityExceeded   reports due in the quarter that exceeded a permitted annual quantity
     */
    public record Quarter(String label, LocalDate start, LocalDate end, int exceedanceEpisodes,
                          int lateOrMissingReports, int quantityExceeded, boolean inViolation) {
    }
}
