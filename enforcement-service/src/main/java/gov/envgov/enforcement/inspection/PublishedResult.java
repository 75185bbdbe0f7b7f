package gov.envgov.enforcement.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An inspection's result as the public reads it (抽查结果公告): the unit, how it was inspected, the result, and the
 * items it failed with what was found. No inspector and no internal note.
 */
public record PublishedResult(UUID taskId, UUID drawId, String enterpriseCode, String enterpriseName, String district,
                              InspectionMode mode, LocalDate completedOn, InspectionResult result,
                              List<Finding> failedItems, LocalDate publishedOn, LocalDate resultsDue) {

    /** A failed item: what the catalogue calls it, its legal basis, and what was found. */
    public record Finding(String itemId, String title, String legalBasis, String finding) {
    }

    static PublishedResult of(Inspection inspection, String name, String district) {
        List<Finding> failed = inspection.checklist().stream().filter(item -> item.outcome() == ItemOutcome.FAILED)
                .map(item -> new Finding(item.itemId(), item.title(), item.legalBasis(), item.finding())).toList();
        return new PublishedResult(inspection.taskId(), inspection.drawId(), inspection.enterpriseCode(), name,
                district, inspection.mode(), inspection.completedOn(), inspection.result(), failed,
                inspection.publishedOn(), inspection.resultsDue());
    }
}
