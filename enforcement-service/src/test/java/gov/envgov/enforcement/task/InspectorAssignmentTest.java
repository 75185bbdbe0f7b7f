package gov.envgov.enforcement.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.enforcement.inspector.Inspector;
import gov.envgov.support.domain.DomainException;

class InspectorAssignmentTest {

    private final InspectorAssignment assignment = new InspectorAssignment(2);
    private final List<Inspector> five = inspectors(5);
    private final UUID a = five.get(0).id();
    private final UUID b = five.get(1).id();
    private final UUID c = five.get(2).id();

    @Test
    void enfAssignTwoEveryTaskGetsTwoDistinctInspectors() {
        List<UUID> picked = assignment.assign("U1", five, Set.of(), Set.of(), new Random(1));
        assertThat(picked).hasSize(2).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new InspectorAssignment(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enfAssignRecusalAndRotationNeverPickARelatedOrLastInspector() {
        // ENF-ASSIGN-RECUSAL and ENF-ASSIGN-ROTATION.
        for (int seed = 0; seed < 200; seed++) {
            List<UUID> picked = assignment.assign("U1", five, Set.of(a), Set.of(b, c), new Random(seed));
            assertThat(picked).doesNotContain(a, b, c).hasSize(2);
        }
    }

    @Test
    void tooFewEligibleInspectorsIsARuleViolationNamingTheUnit() {
        assertThatThrownBy(() -> assignment.assign("U1", five, Set.of(a, b), Set.of(c, five.get(3).id()),
                new Random(1))).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("unit U1 has 1 eligible inspectors and needs 2");
    }

    @Test
    void everyEligibleInspectorIsEquallyLikely() {
        Map<UUID, Integer> counts = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            assignment.assign("U1", five, Set.of(), Set.of(), random).forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        // 10,000 places over 5 inspectors: about 2,000 each.
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(1850, 2150));
    }

    @Test
    void enfAssignConflictTheReplacementIsEligibleAndNotOnTheTask() {
        for (int seed = 0; seed < 100; seed++) {
            UUID replacement = assignment.replace("U1", five, Set.of(a), Set.of(), Set.of(b, c), new Random(seed));
            assertThat(replacement).isNotIn(a, b, c);
        }
        assertThatThrownBy(() -> assignment.replace("U1", five.subList(0, 3), Set.of(a), Set.of(), Set.of(b, c),
                new Random(1))).isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    void aTaskSwapsTheLeavingInspectorInPlaceAndOnlyForOneOnIt() {
        InspectionTask task = new InspectionTask(UUID.randomUUID(), UUID.randomUUID(), "U1", TaskStatus.ASSIGNED,
                List.of(a, b), 0);
        assertThat(task.replace(a, c).inspectors()).containsExactly(c, b);
        assertThatThrownBy(() -> task.replace(c, a)).isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void enfInspectorCredentialOnlyActiveInspectorsWithAValidCredentialInspect() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Inspector valid = new Inspector(UUID.randomUUID(), null, "甲", "LN000001", day, "兴隆台区", "执法队", true, 0);
        assertThat(valid.mayInspectOn(day)).isTrue();
        assertThat(valid.mayInspectOn(day.plusDays(1))).isFalse();
        assertThat(new Inspector(valid.id(), null, "甲", "LN000001", day, "兴隆台区", "执法队", false, 0)
                .mayInspectOn(day)).isFalse();
    }

    private static List<Inspector> inspectors(int n) {
        List<Inspector> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new Inspector(UUID.randomUUID(), null, "检查员" + i, "LN00000" + i, LocalDate.of(2030, 1, 1),
                    "兴隆台区", "执法队", true, 0));
        }
        return all;
    }
}
