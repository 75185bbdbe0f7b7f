package gov.envgov.permit.report;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.permit.permit.OnPermitStream;
import gov.envgov.permit.permit.PermitContent.ReportFrequency;

/** Events of the execution-report feature, on the permit's stream; the simple names are the types on the wire. */
public sealed interface ReportEvents extends OnPermitStream {

    record ExecutionReportFiled(UUID permitId, String enterpriseCode, ReportFrequency frequency,
                                LocalDate periodStart, boolean late) implements ReportEvents {
    }

    /** A report's due date passed without it: a violation (missing report) for enforcement and credit. */
    record ExecutionReportOverdue(UUID permitId, String enterpriseCode, ReportFrequency frequency,
                                  LocalDate periodStart, LocalDate dueOn) implements ReportEvents {
    }

    /** An annual report's emissions exceed the permitted annual quantity of an outlet's pollutant. */
    record PermitQuantityExceeded(UUID permitId, String enterpriseCode, int year, String outlet, String pollutant,
                                  double reportedTonnes, double permittedTonnes) implements ReportEvents {
    }
}
