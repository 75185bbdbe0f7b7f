package gov.envgov.enforcement.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import gov.envgov.enforcement.inspector.Inspector;
import gov.envgov.support.domain.DomainException;

/**
 * Who inspects a drawn unit (双随机's second draw): inspectors picked at random from those eligible for it. Pure: the
 * caller passes the credentialed inspectors, the unit's declared relations and its last inspectors, and the random
 * source.
 */
public final class InspectorAssignment {

    private final int perTask;

    public InspectorAssignment(int perTask) {
        if (perTask < 2) {
            throw new IllegalArgumentException("envgov.enforcement.inspection.inspectors-per-task is at least 2");
        }
        this.perTask = perTask;
    }

    /**
     * ENF-ASSIGN-TWO: at least two inspectors per task; ENF-ASSIGN-RECUSAL: none with a declared relation or
     * interest; ENF-ASSIGN-ROTATION: not the inspectors of the unit's last inspection.
     */
    public List<UUID> assign(String enterpriseCode, List<Inspector> credentialed, Set<UUID> related,
                             Set<UUID> lastInspectors, RandomGenerator random) {
        List<UUID> eligible = eligible(credentialed, related, lastInspectors, Set.of());
        if (eligible.size() < perTask) {
            throw new DomainException.RuleViolation("not-enough-inspectors", "inspectors", "unit " + enterpriseCode
                    + " has " + eligible.size() + " eligible inspectors and needs " + perTask
                    + " (credentialed, no declared relation, not its last inspectors): enrol more");
        }
        return pick(eligible, perTask, random);
    }

    /** ENF-ASSIGN-CONFLICT: who replaces an inspector who declared a conflict: one more, never one on the task. */
    public UUID replace(String enterpriseCode, List<Inspector> credentialed, Set<UUID> related,
                        Set<UUID> lastInspectors, Set<UUID> onTheTask, RandomGenerator random) {
        List<UUID> eligible = eligible(credentialed, related, lastInspectors, onTheTask);
        if (eligible.isEmpty()) {
            throw new DomainException.RuleViolation("not-enough-inspectors", "inspectors", "no other eligible"
                    + " inspector can replace one on the task for unit " + enterpriseCode + ": enrol more");
        }
        return pick(eligible, 1, random).get(0);
    }

    private static List<UUID> eligible(List<Inspector> credentialed, Set<UUID> related, Set<UUID> lastInspectors,
                                       Set<UUID> excluded) {
        List<UUID> eligible = new ArrayList<>();
        for (Inspector inspector : credentialed) {
            UUID id = inspector.id();
            if (!related.contains(id) && !lastInspectors.contains(id) && !excluded.contains(id)) {
                eligible.add(id);
            }
        }
        return eligible;
    }

    /** A uniform choice of {@code count} distinct inspectors (a partial Fisher–Yates shuffle). */
    private static List<UUID> pick(List<UUID> eligible, int count, RandomGenerator random) {
        List<UUID> pool = new ArrayList<>(eligible);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool.size() - i);
            UUID chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, count));
    }
}
