package gov.envgov.credit.repair;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import gov.envgov.credit.ledger.CreditRecord;

/**
 * The conditions of a credit repair (CRD-REPAIR-CONDITIONS), each checked on its own so that a refusal names every
 * one that is not met: the behaviour rectified (verified by the reviewing officer), every penalty paid, the minimum
 * period passed (since each behaviour, or a list entry's minimum), and no approved repair within the interval.
 */
public record RepairConditions(boolean rectified, boolean penaltiesPaid, boolean minimumPassed,
                               boolean noRecentRepair) {

    public static RepairConditions check(boolean rectificationVerified, Collection<CreditRecord> records,
                                         Set<UUID> paidCases, LocalDate listMinimumUntil, LocalDate lastRepairOn,
                                         LocalDate today, RepairProperties properties) {
        boolean paid = records.stream().filter(record -> "PenaltyDecided".equals(record.eventType()))
                .allMatch(record -> record.caseId() != null && paidCases.contains(record.caseId()));
        boolean minimum = records.stream().allMatch(record ->
                !today.isBefore(record.occurredOn().plus(properties.minimumAfterBehaviour())))
                && (listMinimumUntil == null || !today.isBefore(listMinimumUntil));
        boolean interval = lastRepairOn == null || !today.isBefore(lastRepairOn.plus(properties.interval()));
        return new RepairConditions(rectificationVerified, paid, minimum, interval);
    }

    public boolean allMet() {
        return rectified && penaltiesPaid && minimumPassed && noRecentRepair;
    }

    public List<String> unmet() {
        List<String> unmet = new ArrayList<>();
        if (!rectified) {
            unmet.add("rectified");
        }
        if (!penaltiesPaid) {
            unmet.add("penalties-paid");
        }
        if (!minimumPassed) {
            unmet.add("minimum-period");
        }
        if (!noRecentRepair) {
            unmet.add("repair-interval");
        }
        return unmet;
    }
}
