package gov.envgov.enforcement.inspection;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.catalogue.CatalogueService;
import gov.envgov.enforcement.clue.Clue;
import gov.envgov.enforcement.clue.ClueService;
import gov.envgov.enforcement.clue.ClueSource;
import gov.envgov.enforcement.inspector.InspectorService;
import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.enforcement.task.TaskService;
import gov.envgov.enforcement.task.TaskStatus;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * What inspectors do on a task: start its inspection, check items, add evidence, complete it, raise clues from failed
 * items. Each act in one transaction with its event and its record in the inspection's audit chain.
 */
@Service
public class InspectionService {

    static final String AUDIT_TYPE = "inspection";

    private final InspectionRepository inspections;
    private final TaskService tasks;
    private final InspectorService inspectors;
    private final PoolService pool;
    private final CatalogueService catalogue;
    private final ClueService clues;
    private final InspectionRules rules;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    InspectionService(InspectionRepository inspections, TaskService tasks, InspectorService inspectors,
                      PoolService pool, CatalogueService catalogue, ClueService clues, InspectionRules rules,
                      Outbox outbox, AuditTrail audit, TransactionalOperator transactions, BureauTime time) {
        this.inspections = inspections;
        this.tasks = tasks;
        this.inspectors = inspectors;
        this.pool = pool;
        this.catalogue = catalogue;
        this.clues = clues;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** An inspector on the task starts its inspection, with the unit's checklist from the catalogue. */
    public Mono<Inspection> start(UUID taskId, InspectionRequests.Start request, CurrentUser actor) {
        return transactions.transactional(inspectors.of(actor).flatMap(me -> tasks.find(taskId).flatMap(task -> {
            if (task.status() != TaskStatus.ASSIGNED) {
                return Mono.error(new DomainException.Conflict("inspection-started", "the inspection of task "
                        + taskId + " has started already"));
            }
            return pool.find(task.enterpriseCode()).zipWith(pool.onPositiveList(task.enterpriseCode()))
                    .flatMap(unit -> {
                        InspectionMode mode = rules.mode(unit.getT2(), request.mode(), request.onSiteReason());
                        var started = Inspection.start(task, me.id(), catalogue.checklistFor(
                                        unit.getT1().managementClass(), unit.getT1().industryCode()), mode,
                                request.onSiteReason(), actor.username(), time.now());
                        Inspection inspection = started.next();
                        return inspections.insert(inspection)
                                .flatMap(inserted -> inserted ? tasks.moveTo(task, TaskStatus.INSPECTING)
                                        : Mono.error(new DomainException.Conflict("inspection-started",
                                        "the inspection of task " + taskId + " has started already")))
                                .then(outbox.append(started.event()))
                                .then(audit.record(actor.username(), "start", AUDIT_TYPE, taskId.toString(),
                                        Map.of("mode", mode.name(), "positiveList", unit.getT2(),
                                                "items", inspection.checklist().stream()
                                                        .map(CheckedItem::itemId).toList())))
                                .thenReturn(inspection);
                    });
        })));
    }

    /** An off-site inspection goes on site, with the reason. */
    public Mono<Inspection> goOnSite(UUID taskId, String reason, CurrentUser actor) {
        return act(taskId, actor, "go-on-site", Map.of("reason", reason),
                (current, me) -> current.goOnSite(me, reason));
    }

    /** An item passed or failed, with the finding and the inspectors' internal note. */
    public Mono<Inspection> check(UUID taskId, String itemId, InspectionRequests.Check request, CurrentUser actor) {
        Map<String, Object> details = new HashMap<>();
        details.put("item", itemId);
        details.put("outcome", String.valueOf(request.outcome()));
        details.put("finding", request.finding() == null ? "" : request.finding());
        return act(taskId, actor, "check", details, (current, me) -> current.check(itemId, request.outcome(),
                request.finding(), request.note(), me, time.now()));
    }

    /**
     * Completes the inspection: its result is published, the pool learns when and by whom the unit was inspected,
     * and {@code InspectionCompleted} goes out.
     */
    public Mono<Inspection> complete(UUID taskId, CurrentUser actor) {
        return transactions.transactional(act(taskId, actor, "complete", Map.of(),
                        (current, me) -> current.complete(me, time.today(), rules))
                .flatMap(done -> tasks.find(taskId).flatMap(task -> tasks.moveTo(task, TaskStatus.DONE))
                        .then(pool.recordInspection(done.enterpriseCode(), done.completedOn(), done.inspectors()))
                        .thenReturn(done)));
    }

    /** An evidence file, stored with its SHA-256, while the inspection is under way. */
    public Mono<Evidence> addEvidence(UUID taskId, String itemId, String fileName, String contentType,
                                      byte[] content, CurrentUser actor) {
        return transactions.transactional(inspectors.of(actor).flatMap(me -> load(taskId).flatMap(current -> {
            current.requireEvidenceBy(me.id(), itemId);
            rules.requireEvidenceSize(content.length);
            Evidence evidence = Evidence.of(taskId, itemId, fileName, contentType, content, actor.username(),
                    time.now());
            Map<String, Object> details = new HashMap<>(Map.of("evidence", evidence.id().toString(),
                    "fileName", fileName, "sha256", evidence.sha256(), "size", evidence.size()));
            details.put("item", itemId == null ? "" : itemId);
            return inspections.insertEvidence(evidence, content)
                    .then(audit.record(actor.username(), "add-evidence", AUDIT_TYPE, taskId.toString(), details))
                    .thenReturn(evidence);
        })));
    }

    /** ENF-INSPECTION-CLUE: a failed item raises one clue (source INSPECTION), however often it is asked. */
    public Mono<Clue> raiseClue(UUID taskId, String itemId, CurrentUser actor) {
        return transactions.transactional(inspectors.of(actor).flatMap(me -> load(taskId).flatMap(current -> {
            CheckedItem item = current.failedItem(itemId, me.id());
            UUID source = UUID.nameUUIDFromBytes(("inspection:" + taskId + ":" + itemId)
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, Object> details = new HashMap<>(Map.of("taskId", taskId.toString(), "itemId", itemId,
                    "title", item.title(), "legalBasis", item.legalBasis(), "finding", item.finding()));
            return clues.raise(new ClueService.Lead(ClueSource.INSPECTION, source, current.enterpriseCode(), null,
                            "检查发现问题：" + item.title() + "——" + item.finding(), details), actor.username())
                    .flatMap(clue -> audit.record(actor.username(), "raise-clue", AUDIT_TYPE, taskId.toString(),
                            Map.of("item", itemId, "clue", clue.id().toString())).thenReturn(clue));
        })));
    }

    /** The largest evidence file the service stores. */
    public long evidenceMaxBytes() {
        return rules.evidenceMaxBytes();
    }

    private Mono<Inspection> act(UUID taskId, CurrentUser actor, String action, Map<String, ?> details,
                                 BiFunction<Inspection, UUID, Inspection.Transition> decide) {
        return transactions.transactional(inspectors.of(actor).flatMap(me -> load(taskId).flatMap(current -> {
            var transition = decide.apply(current, me.id());
            Inspection next = transition.next();
            return inspections.update(next)
                    .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                            "stale-version", "inspection " + taskId + " was changed meanwhile; reload it")))
                    .then(transition.event() == null ? Mono.<Void>empty() : outbox.append(transition.event()))
                    .then(audit.record(actor.username(), action, AUDIT_TYPE, taskId.toString(), details))
                    .thenReturn(new Inspection(next.taskId(), next.drawId(), next.enterpriseCode(), next.inspectors(),
                            next.mode(), next.onSiteReason(), next.status(), next.checklist(), next.startedAt(),
                            next.startedBy(), next.completedOn(), next.result(), next.resultsDue(),
                            next.publishedOn(), next.version() + 1));
        })));
    }

    private Mono<Inspection> load(UUID taskId) {
        return inspections.find(taskId).switchIfEmpty(Mono.error(new DomainException.NotFound("inspection",
                taskId.toString())));
    }
}
