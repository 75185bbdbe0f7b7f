package gov.envgov.enforcement.inspection;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.envgov.enforcement.casefile.RecordVerification;
import gov.envgov.enforcement.pool.PoolEntity;
import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.audit.AuditAnchors;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** Reads of inspections: staff see any, an enterprise its own (others do not exist for it), the public the results. */
@Service
public class InspectionQueryService {

    private final InspectionRepository inspections;
    private final PoolService pool;
    private final AuditTrail audit;
    private final AuditAnchors anchors;

    InspectionQueryService(InspectionRepository inspections, PoolService pool, AuditTrail audit,
                           AuditAnchors anchors) {
        this.inspections = inspections;
        this.pool = pool;
        this.audit = audit;
        this.anchors = anchors;
    }

    /** An inspection and its evidence files (metadata). */
    public record Found(Inspection inspection, List<Evidence> evidence) {
    }

    /** ENF-INSPECTION-OWNERSHIP: staff read any inspection; an enterprise its own only. */
    public Mono<Found> find(UUID taskId, CurrentUser reader) {
        return inspections.find(taskId)
                .filter(found -> reader.isStaff() || reader.actsFor(found.enterpriseCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("inspection", taskId.toString())))
                .flatMap(found -> inspections.evidence(taskId).collectList().map(files -> new Found(found, files)));
    }

    /** An enterprise's own inspections, the newest first. */
    public Mono<PageResponse<Inspection>> mine(CurrentUser reader, PageRequest page) {
        if (reader.enterpriseId() == null) {
            return Mono.error(new DomainException.Forbidden("your account acts for no enterprise"));
        }
        return inspections.ofEnterprise(reader.enterpriseId(), page.offset(), page.size()).collectList()
                .zipWith(inspections.countOfEnterprise(reader.enterpriseId()))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** ENF-INSPECTION-RESULTS: published results, the newest first, with the unit's name and district. */
    public Mono<PageResponse<PublishedResult>> results(PageRequest page) {
        return inspections.published(page.offset(), page.size()).collectList()
                .flatMap(found -> pool.findAll(found.stream().map(Inspection::enterpriseCode).toList())
                        .map(units -> found.stream().map(inspection -> {
                            PoolEntity unit = units.get(inspection.enterpriseCode());
                            return PublishedResult.of(inspection, unit == null ? null : unit.name(),
                                    unit == null ? null : unit.district());
                        }).toList()))
                .zipWith(inspections.countPublished())
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** The inspection's record re-checked against its chain and its last published anchor. */
    public Mono<RecordVerification> verifyRecord(UUID taskId) {
        String id = taskId.toString();
        return inspections.find(taskId)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("inspection", id)))
                .then(Mono.zip(anchors.verify(InspectionService.AUDIT_TYPE, id),
                        audit.history(InspectionService.AUDIT_TYPE, id).collectList()))
                .map(checked -> RecordVerification.of(checked.getT1(), checked.getT2()));
    }

    /** An evidence file and its bytes, for staff. */
    public Mono<EvidenceFile> evidence(UUID taskId, UUID evidenceId) {
        return inspections.findEvidence(taskId, evidenceId)
                .zipWith(inspections.content(taskId, evidenceId), EvidenceFile::new)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("evidence", evidenceId.toString())));
    }

    /** An evidence file's record and its bytes. */
    public record EvidenceFile(Evidence evidence, byte[] content) {
    }
}
