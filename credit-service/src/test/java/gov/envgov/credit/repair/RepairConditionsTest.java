package gov.envgov.credit.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.credit.ledger.CreditRecord;
import gov.envgov.credit.ledger.RecordOrigin;
import gov.envgov.credit.ledger.RecordStatus;
import gov.envgov.support.domain.DomainException;

/** CRD-REPAIR-CONDITIONS: rectified, penalties paid, the minimum period passed, no repair in the last year. */
class RepairConditionsTest {

    static final RepairProperties PROPERTIES = new RepairProperties(Period.ofMonths(3), Period.ofYears(1));
    static final UUID CASE = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static CreditRecord penalty(LocalDate decidedOn) {
        return new CreditRecord(UUID.randomUUID(), "91211103MA0GA0001Y", decidedOn.getYear(), RecordOrigin.FEED,
                new CreditRecord.Source("enforcement-service", "credit-enforcement-records", 3, UUID.randomUUID()),
                "PenaltyDecided", CASE, decidedOn, decidedOn, 300000.0, false, "LN-2022-1", "LN-PENALTY", "PENALTY",
                "SERIOUS", 20, null, "罚款", Map.of(), List.of(), decidedOn.plusDays(14), decidedOn,
                Instant.parse("2025-12-01T02:00:00Z"), "system:feed", RecordStatus.ACTIVE, null);
    }

    @Test
    void crdRepairConditionsEveryConditionMetAllowsTheRepair() {
        var checked = RepairConditions.check(true, List.of(penalty(LocalDate.of(2025, 12, 1))), Set.of(CASE), null,
                LocalDate.of(2025, 3, 1), TODAY, PROPERTIES);
        assertThat(checked.allMet()).isTrue();
        assertThat(checked.unmet()).isEmpty();
    }

    @Test
    void crdRepairConditionsEachUnmetConditionIsNamed() {
        var checked = RepairConditions.check(false, List.of(penalty(LocalDate.of(2025, 12, 3))), Set.of(), null,
                LocalDate.of(2025, 3, 3), TODAY, PROPERTIES);
        assertThat(checked.unmet()).containsExactly("rectified", "penalties-paid", "minimum-period",
                "repair-interval");
        RepairApplication application = RepairApplication.file(UUID.randomUUID(), "91211103MA0GA0001Y", 2025,
                List.of(UUID.randomUUID()), null, "已整改", List.of(), Instant.now(), "ent-a");
        assertThatThrownBy(() -> application.approve(checked, "不予修复", "credit1", TODAY))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("penalties-paid");
        assertThat(application.reject(checked, "不予修复", "credit1", TODAY).status())
                .isEqualTo(RepairStatus.REJECTED);
    }

    @Test
    void crdRepairConditionsAListEntryIsRepairedOnlyAfterItsMinimumPeriod() {
        assertThat(RepairConditions.check(true, List.of(), Set.of(), TODAY.plusDays(1), null, TODAY, PROPERTIES)
                .unmet()).containsExactly("minimum-period");
        assertThat(RepairConditions.check(true, List.of(), Set.of(), TODAY, null, TODAY, PROPERTIES).allMet())
                .isTrue();
        assertThatThrownBy(() -> RepairApplication.file(UUID.randomUUID(), "91211103MA0GA0001Y", null, List.of(),
                null, "x", List.of(), Instant.now(), "ent-a")).isInstanceOf(DomainException.RuleViolation.class);
    }
}
