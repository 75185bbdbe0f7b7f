package gov.envgov.permit.report;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.support.events.PublishedEvent;

/** Events of the execution-report feature, on the permit's stream; the simple names are the types on the wire. */
public sealed interface ReportEvents extends PublishedEvent {

    UUID permitId();

    String enterpriseCode();

    @Override
    default String aggregateType() {
        return "Permit";
    }

    @Override
    default String aggregateId() {
        return permitId().toString();
    }

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
