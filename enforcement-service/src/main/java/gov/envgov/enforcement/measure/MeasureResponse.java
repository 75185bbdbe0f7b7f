package gov.envgov.enforcement.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A side measure as staff see it, with its clock and whether it is overdue. */
public record MeasureResponse(UUID id, UUID caseId, String enterpriseCode, MeasureKind kind, MeasureStatus status,
                              LocalDate startedOn, LocalDate endsOn, boolean extended, long testingDays,
                              BigDecimal originalFine, LocalDate reinspectionDue, List<Reinspection> reinspections,
                              BigDecimal total, LocalDate nextDue, boolean overdue, LocalDate endedOn,
                              String endReason) {

    static MeasureResponse from(SideMeasure measure, LocalDate today) {
        return new MeasureResponse(measure.id(), measure.caseId(), measure.enterpriseCode(), measure.kind(),
                measure.status(), measure.startedOn(), measure.endsOn(), measure.extended(), measure.testingDays(),
                measure.originalFine(), measure.reinspectionDue(), measure.reinspections(), measure.total(),
                measure.nextDue(), measure.isOverdue(today), measure.endedOn(), measure.endReason());
    }
}
