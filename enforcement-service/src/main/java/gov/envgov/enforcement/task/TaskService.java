package gov.envgov.enforcement.task;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.draw.Draw;
import gov.envgov.enforcement.draw.DrawService;
import gov.envgov.enforcement.draw.DrawStatus;
import gov.envgov.enforcement.draw.SupervisionLevel;
import gov.envgov.enforcement.inspector.Inspector;
import gov.envgov.enforcement.inspector.InspectorRequests;
import gov.envgov.enforcement.inspector.InspectorService;
import gov.envgov.enforcement.inspector.Relation;
import gov.envgov.enforcement.inspector.RelationKind;
import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Inspection tasks: inspectors drawn for every unit of a draw, and replaced when one declares a conflict. */
@Service
public class TaskService {

    private static final String AUDIT_TYPE = "inspection-task";

    private final TaskRepository tasks;
    private final DrawService draws;
    private final InspectorService inspectors;
    private final PoolService pool;
    private final InspectorAssignment assignment;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final SecureRandom random = new SecureRandom();

    TaskService(TaskRepository tasks, DrawService draws, InspectorService inspectors, PoolService pool,
                InspectorAssignment assignment, Outbox outbox, AuditTrail audit, TransactionalOperator transactions,
                BureauTime time) {
        this.tasks = tasks;
        this.draws = draws;
        this.inspectors = inspectors;
        this.pool = pool;
        this.assignment = assignment;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** Draws the inspectors for every unit of a draw, once. */
    public Mono<List<InspectionTask>> assign(UUID drawId, CurrentUser actor) {
        return transactions.transactional(draws.find(drawId).flatMap(draw -> {
            if (draw.status() == DrawStatus.ANNOUNCED) {
                return Mono.error(new DomainException.Conflict("invalid-transition", "draw " + drawId
                        + " has not been drawn yet: inspectors are drawn for the units it drew; draw it first (POST"
                        + " /api/enforcement/draws/" + drawId + "/draw)",
                        new DomainException.Blocker("draw", drawId, draw.status()), "draw"));
            }
            return context(draw, draw.selection()).flatMap(context -> Flux.fromIterable(draw.selection())
                    .concatMap(code -> {
                        InspectionTask task = new InspectionTask(UUID.randomUUID(), drawId, code, TaskStatus.ASSIGNED,
                                assignment.assign(code, context.credentialed(), context.relatedTo(code),
                                        context.lastOf(code), random), 0);
                        return tasks.insert(task, time.now())
                                .flatMap(inserted -> inserted ? Mono.just(task) : Mono.error(
                                        new DomainException.Conflict("tasks-exist", "the inspectors of draw "
                                                + drawId + " are drawn already; a conflict replaces one")))
                                .flatMap(stored -> audit.record(actor.username(), "assign", AUDIT_TYPE,
                                        stored.id().toString(), Map.of("draw", drawId.toString(),
                                                "inspectors", stored.inspectors().toString())).thenReturn(stored));
                    })
                    .collectList()
                    .flatMap(assigned -> outbox.append(new TaskEvent.InspectionTasksAssigned(drawId,
                            assigned.size(), assigned.isEmpty() ? 0 : assigned.get(0).inspectors().size()))
                            .thenReturn(assigned)));
        }));
    }

    /**
     * An inspector on a task declares a conflict with its unit: the relation is recorded for every later draw and
     * another eligible inspector is drawn in their place, both audited.
     */
    public Mono<InspectionTask> declareConflict(UUID taskId, RelationKind kind, String note, CurrentUser actor) {
        return transactions.transactional(inspectors.of(actor).flatMap(me -> load(taskId)
                .filter(task -> task.isAssignedTo(me.id()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("inspection task", taskId.toString())))
                .doOnNext(InspectionTask::requireAssigned)
                .flatMap(task -> inspectors.declare(me.id(), new InspectorRequests.Declare(task.enterpriseCode(),
                                kind, note), actor)
                        .then(draws.find(task.drawId()))
                        .flatMap(draw -> context(draw, List.of(task.enterpriseCode())))
                        .flatMap(context -> {
                            UUID replacement = assignment.replace(task.enterpriseCode(), context.credentialed(),
                                    context.relatedTo(task.enterpriseCode()), context.lastOf(task.enterpriseCode()),
                                    new HashSet<>(task.inspectors()), random);
                            InspectionTask next = task.replace(me.id(), replacement);
                            return tasks.updateInspectors(next)
                                    .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(
                                            new DomainException.Conflict("stale-version", "task " + taskId
                                                    + " was changed meanwhile; reload it")))
                                    .then(outbox.append(new TaskEvent.TaskInspectorReplaced(task.drawId(), taskId)))
                                    .then(audit.record(actor.username(), "replace-inspector", AUDIT_TYPE,
                                            taskId.toString(), Map.of("leaving", me.id().toString(),
                                                    "replacement", replacement.toString(),
                                                    "kind", kind.name())))
                                    .thenReturn(next);
                        }))));
    }

    /** One task (for staff: who inspects whom is confidential to them). */
    public Mono<InspectionTask> find(UUID id) {
        return load(id);
    }

    /** The inspection of a task started or ended: the task moves on, conditional on the version it was read at. */
    public Mono<InspectionTask> moveTo(InspectionTask task, TaskStatus next) {
        return tasks.updateStatus(task, next).flatMap(updated -> updated
                ? Mono.just(new InspectionTask(task.id(), task.drawId(), task.enterpriseCode(), next,
                task.inspectors(), task.version() + 1))
                : Mono.error(new DomainException.Conflict("stale-version", "task " + task.id()
                + " was changed meanwhile; reload it")));
    }

    /** ENF-INSPECTION-PUBLIC-TASKS: tasks for the public, without the unit until its inspection is done. */
    public Mono<PageResponse<PublicTask>> publicTasks(UUID drawId, PageRequest page) {
        return tasks.publicTasks(drawId, page.offset(), page.size()).collectList()
                .zipWith(tasks.countPublicTasks(drawId))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    public Mono<List<InspectionTask>> ofDraw(UUID drawId) {
        return draws.find(drawId).then(tasks.ofDraw(drawId).collectList());
    }

    private Mono<InspectionTask> load(UUID id) {
        return tasks.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("inspection task",
                id.toString())));
    }

    /** What the assignment of a draw's units needs, read once: who may inspect, relations, last inspectors. */
    private record Context(List<Inspector> credentialed, List<Relation> relations, Map<String, Set<UUID>> last) {

        Set<UUID> relatedTo(String code) {
            Set<UUID> related = new HashSet<>();
            relations.stream().filter(relation -> relation.enterpriseCode().equals(code))
                    .forEach(relation -> related.add(relation.inspectorId()));
            return related;
        }

        Set<UUID> lastOf(String code) {
            return last.getOrDefault(code, Set.of());
        }
    }

    private Mono<Context> context(Draw draw, List<String> codes) {
        String district = draw.level() == SupervisionLevel.COUNTY ? draw.district() : null;
        return Mono.zip(inspectors.credentialed(district, time.today()), inspectors.relationsWith(codes),
                        pool.lastInspectors(codes))
                .map(all -> new Context(all.getT1(), all.getT2(), all.getT3()));
    }
}
