package gov.envgov.permit.report;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.support.events.PublishedEvent;

/** Events of the execution-report feature; the simple names are the event types on the wire. */
public final class ReportEvents {

    private ReportEvents() {
    }

    public record ExecutionReportFiled(UUID permitId, String enterpriseCode, ReportFrequency frequency,
                                       LocalDate periodStart, boolean late) implements PublishedEvent {
        @Override
        public String aggregateType() {
            return "Permit";
        }

        @Override
        public String aggregateId() {
            return permitId.toString();
        }
    }

    /** A report's due date passed without it: a violation (missing report) for enforcement and credit. */
    public record ExecutionReportOverdue(UUID permitId, String enterpriseCode, ReportFrequency frequency,
                                         LocalDate periodStart, LocalDate dueOn)
            implements PublishedEvent {
        @Override
        public String aggregateType() {
            return "Permit";
        }

        @Override
        public String aggregateId() {
            return permitId.toString();
        }
    }

    /** An annual report's emissions exceed the permitted annual quantity of an outlet's pollutant. */
    public record PermitQuantityExceeded(UUID permitId, String enterpriseCode, int year, String outlet,
                                         String pollutant, double reportedTonnes, double permittedTonnes)
            implements PublishedEvent {
        @Override
        public String aggregateType() {
            return "Permit";
        }

        @Override
        public String aggregateId() {
            return permitId.toString();
        }
    }
}
