package gov.envgov.enforcement.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gov.envgov.enforcement.catalogue.InspectionItem;
import gov.envgov.enforcement.task.InspectionTask;
import gov.envgov.support.domain.DomainException;

/**
 * The inspection of one drawn unit (one per task): its checklist chosen from the catalogue, each item passed or
 * failed by an inspector on the task, then completed with its result, which is public from then on. Immutable; each
 * transition checks the state it starts from and who acts, and returns the event it causes (or none).
 *
 * @param inspectors the task's inspectors when the inspection started: the only ones who perform it
 * @param onSiteReason why a unit of the positive list is inspected on site (off site first)
 * @param resultsDue the last working day to publish the results; {@code publishedOn} is the day they were
 */
public record Inspection(UUID taskId, UUID drawId, String enterpriseCode, List<UUID> inspectors, InspectionMode mode,
                         String onSiteReason, InspectionStatus status, List<CheckedItem> checklist,
                         Instant startedAt, String startedBy, LocalDate completedOn, InspectionResult result,
                         LocalDate resultsDue, LocalDate publishedOn, long version) {

    public Inspection {
        inspectors = List.copyOf(inspectors);
        checklist = List.copyOf(checklist);
    }

    /** A transition's result: the next state and the event it causes, if any. */
    public record Transition(Inspection next, InspectionEvent event) {
    }

    /**
     * ENF-INSPECTION-ASSIGNED: an inspector on the task starts it; ENF-ITEM-CHECKLIST: its checklist is the
     * catalogue's items for the unit.
     */
    public static Transition start(InspectionTask task, UUID inspector, List<InspectionItem> items,
                                   InspectionMode mode, String onSiteReason, String actor, Instant now) {
        requireOnTask(task.inspectors(), inspector);
        if (items.isEmpty()) {
            throw new DomainException.RuleViolation("no-items", "checklist", "no inspection item of the catalogue"
                    + " applies to unit " + task.enterpriseCode() + ": the catalogue needs one for its class");
        }
        List<CheckedItem> checklist = items.stream().map(CheckedItem::pending).toList();
        Inspection started = new Inspection(task.id(), task.drawId(), task.enterpriseCode(), task.inspectors(), mode,
                blankToNull(onSiteReason), InspectionStatus.IN_PROGRESS, checklist, now, actor, null, null, null,
                null, 0);
        return new Transition(started, new InspectionEvent.InspectionStarted(task.id(), task.drawId(), mode));
    }

    /** An off-site inspection goes on site (a problem seen off site, a unit that did not answer), with the reason. */
    public Transition goOnSite(UUID inspector, String reason) {
        requireInProgress("go on site in");
        requireOnTask(inspectors, inspector);
        if (mode == InspectionMode.ON_SITE) {
            throw new DomainException.Conflict("already-on-site", "inspection " + taskId + " is on site already");
        }
        return new Transition(new Inspection(taskId, drawId, enterpriseCode, inspectors, InspectionMode.ON_SITE,
                reason, status, checklist, startedAt, startedBy, completedOn, result, resultsDue, publishedOn,
                version), null);
    }

    /** ENF-INSPECTION-FINDING: one item passed or failed; a failed item states what was found. */
    public Transition check(String itemId, ItemOutcome outcome, String finding, String note, UUID inspector,
                            Instant now) {
        requireInProgress("check an item of");
        requireOnTask(inspectors, inspector);
        if (outcome == ItemOutcome.PENDING) {
            throw new DomainException.RuleViolation("outcome-required", "outcome", "an item is PASSED or FAILED");
        }
        if (outcome == ItemOutcome.FAILED && (finding == null || finding.isBlank())) {
            throw new DomainException.RuleViolation("finding-required", "finding", "a failed item states what was"
                    + " found");
        }
        List<CheckedItem> next = new ArrayList<>(checklist);
        int index = indexOf(itemId);
        next.set(index, checklist.get(index).checked(outcome, blankToNull(finding), blankToNull(note), inspector,
                now));
        return new Transition(new Inspection(taskId, drawId, enterpriseCode, inspectors, mode, onSiteReason, status,
                next, startedAt, startedBy, completedOn, result, resultsDue, publishedOn, version), null);
    }

    /**
     * ENF-INSPECTION-COMPLETE: completed once every item is checked; failed when any item failed. ENF-INSPECTION-
     * RESULTS: the results are published on completion, within the working days the rules give.
     */
    public Transition complete(UUID inspector, LocalDate today, InspectionRules rules) {
        requireInProgress("complete");
        requireOnTask(inspectors, inspector);
        List<String> pending = checklist.stream().filter(item -> item.outcome() == ItemOutcome.PENDING)
                .map(CheckedItem::itemId).toList();
        if (!pending.isEmpty()) {
            throw new DomainException.RuleViolation("checklist-incomplete", "checklist", "every item is checked"
                    + " before the inspection is completed; still open: " + pending);
        }
        List<String> failed = failedItems();
        InspectionResult outcome = failed.isEmpty() ? InspectionResult.PASSED : InspectionResult.FAILED;
        LocalDate due = rules.resultsDue(today);
        Inspection completed = new Inspection(taskId, drawId, enterpriseCode, inspectors, mode, onSiteReason,
                InspectionStatus.COMPLETED, checklist, startedAt, startedBy, today, outcome, due, today, version);
        return new Transition(completed, new InspectionEvent.InspectionCompleted(taskId, drawId, enterpriseCode,
                outcome, failed, mode, today, today, due));
    }

    /** ENF-INSPECTION-CLUE: only a failed item raises a clue. */
    public CheckedItem failedItem(String itemId, UUID inspector) {
        requireOnTask(inspectors, inspector);
        CheckedItem item = checklist.get(indexOf(itemId));
        if (item.outcome() != ItemOutcome.FAILED) {
            throw new DomainException.Conflict("item-not-failed", "item " + itemId + " of inspection " + taskId
                    + " is " + item.outcome() + ": only a failed item raises a clue");
        }
        return item;
    }

    /** Evidence is added while the inspection is under way, by an inspector on it. */
    public void requireEvidenceBy(UUID inspector, String itemId) {
        requireInProgress("add evidence to");
        requireOnTask(inspectors, inspector);
        if (itemId != null) {
            indexOf(itemId);
        }
    }

    public List<String> failedItems() {
        return checklist.stream().filter(item -> item.outcome() == ItemOutcome.FAILED).map(CheckedItem::itemId)
                .toList();
    }

    public boolean isCompleted() {
        return status == InspectionStatus.COMPLETED;
    }

    private int indexOf(String itemId) {
        for (int i = 0; i < checklist.size(); i++) {
            if (checklist.get(i).itemId().equals(itemId)) {
                return i;
            }
        }
        throw new DomainException.NotFound("checklist item", itemId);
    }

    private void requireInProgress(String action) {
        if (status != InspectionStatus.IN_PROGRESS) {
            throw new DomainException.Conflict("invalid-transition", "cannot " + action + " inspection " + taskId
                    + " in state " + status + " (needs " + InspectionStatus.IN_PROGRESS + ")",
                    new DomainException.Blocker("inspection", taskId, status), null);
        }
    }

    private static void requireOnTask(List<UUID> inspectors, UUID inspector) {
        if (!inspectors.contains(inspector)) {
            throw new DomainException.Forbidden("only an inspector assigned to the task performs its inspection");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
