package gov.envgov.enforcement.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An inspection as its reader may see it. Staff see everything; the enterprise sees its own inspection without the
 * inspectors' internal notes, without who inspected and without why it was inspected on site (a reason may point to
 * a complaint, whose complainant the enterprise never learns) ({@link #forEnterprise}).
 */
public record InspectionResponse(UUID taskId, UUID drawId, String enterpriseCode, List<UUID> inspectors,
                                 InspectionMode mode, String onSiteReason, InspectionStatus status,
                                 List<Item> checklist, Instant startedAt, LocalDate completedOn,
                                 InspectionResult result, LocalDate resultsDue, LocalDate publishedOn,
                                 List<EvidenceResponse> evidence) {

    /** A checklist item; {@code note} and {@code checkedBy} only for staff. */
    public record Item(String itemId, String title, String legalBasis, ItemOutcome outcome, String finding,
                       String note, UUID checkedBy, Instant checkedAt) {
    }

    /** An evidence file's record: what it is and its SHA-256 (the bytes are read apart). */
    public record EvidenceResponse(UUID id, String itemId, String fileName, String contentType, long size,
                                   String sha256, Instant uploadedAt) {

        static EvidenceResponse from(Evidence evidence) {
            return new EvidenceResponse(evidence.id(), evidence.itemId(), evidence.fileName(), evidence.contentType(),
                    evidence.size(), evidence.sha256(), evidence.uploadedAt());
        }
    }

    static InspectionResponse forStaff(Inspection inspection, List<Evidence> evidence) {
        List<Item> items = inspection.checklist().stream().map(item -> new Item(item.itemId(), item.title(),
                item.legalBasis(), item.outcome(), item.finding(), item.note(), item.checkedBy(), item.checkedAt()))
                .toList();
        return of(inspection, inspection.inspectors(), inspection.onSiteReason(), items, evidence);
    }

    static InspectionResponse forEnterprise(Inspection inspection, List<Evidence> evidence) {
        List<Item> items = inspection.checklist().stream().map(item -> new Item(item.itemId(), item.title(),
                item.legalBasis(), item.outcome(), item.finding(), null, null, item.checkedAt())).toList();
        return of(inspection, null, null, items, evidence);
    }

    private static InspectionResponse of(Inspection inspection, List<UUID> inspectors, String onSiteReason,
                                         List<Item> items, List<Evidence> evidence) {
        return new InspectionResponse(inspection.taskId(), inspection.drawId(), inspection.enterpriseCode(),
                inspectors, inspection.mode(), onSiteReason, inspection.status(), items,
                inspection.startedAt(), inspection.completedOn(), inspection.result(), inspection.resultsDue(),
                inspection.publishedOn(), evidence == null ? null
                : evidence.stream().map(EvidenceResponse::from).toList());
    }
}
