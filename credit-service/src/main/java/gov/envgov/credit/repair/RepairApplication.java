package gov.envgov.credit.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/**
 * An enterprise's application for credit repair (信用修复): the records of a period and/or the list entry it asks to
 * be repaired, what it did to rectify, and its evidence; reviewed once by a credit officer. Approved only when every
 * condition holds; the history stays visible to staff.
 *
 * @param newVersion the result version the repair made, if the period was evaluated
 */
public record RepairApplication(UUID id, String subjectCode, Integer period, List<UUID> records, UUID listEntryId,
                                String statement, List<String> evidence, RepairStatus status, Instant filedAt,
                                String filedBy, RepairConditions conditions, String decision, String decidedBy,
                                LocalDate decidedOn, Integer newVersion) {

    public RepairApplication {
        records = records == null ? List.of() : List.copyOf(records);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static RepairApplication file(UUID id, String subjectCode, Integer period, List<UUID> records,
                                         UUID listEntryId, String statement, List<String> evidence, Instant now,
                                         String filedBy) {
        if ((records == null || records.isEmpty()) && listEntryId == null) {
            throw new DomainException.RuleViolation("nothing-to-repair", "records",
                    "name the records or the list entry to be repaired");
        }
        if (records != null && !records.isEmpty() && period == null) {
            throw new DomainException.RuleViolation("period-required", "period",
                    "records are repaired within the period they count in");
        }
        return new RepairApplication(id, subjectCode, period, records, listEntryId, statement, evidence,
                RepairStatus.SUBMITTED, now, filedBy, null, null, null, null, null);
    }

    /** CRD-REPAIR-CONDITIONS: approved only when every condition holds; the refusal names the unmet ones. */
    public RepairApplication approve(RepairConditions checked, String text, String officer, LocalDate today) {
        requireSubmitted();
        if (!checked.allMet()) {
            throw new DomainException.RuleViolation("repair-conditions", "conditions",
                    "credit repair needs every condition met; not met: " + String.join(", ", checked.unmet()));
        }
        return decided(RepairStatus.APPROVED, checked, text, officer, today, null);
    }

    public RepairApplication reject(RepairConditions checked, String text, String officer, LocalDate today) {
        requireSubmitted();
        return decided(RepairStatus.REJECTED, checked, text, officer, today, null);
    }

    public RepairApplication withVersion(Integer version) {
        return decided(status, conditions, decision, decidedBy, decidedOn, version);
    }

    private RepairApplication decided(RepairStatus next, RepairConditions checked, String text, String officer,
                                      LocalDate today, Integer version) {
        return new RepairApplication(id, subjectCode, period, records, listEntryId, statement, evidence, next,
                filedAt, filedBy, checked, text, officer, today, version);
    }

    private void requireSubmitted() {
        if (status != RepairStatus.SUBMITTED) {
            throw new DomainException.Conflict("repair-decided", "repair application " + id + " was decided ("
                    + status + ")", new DomainException.Blocker("repair application", id, status), null);
        }
    }
}
