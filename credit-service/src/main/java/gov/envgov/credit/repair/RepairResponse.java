package gov.envgov.credit.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A repair application and its review, with every condition as checked. */
public record RepairResponse(UUID id, String subjectCode, Integer period, List<UUID> records, UUID listEntryId,
                             String statement, List<String> evidence, RepairStatus status, Instant filedAt,
                             RepairConditions conditions, List<String> unmet, String decision, LocalDate decidedOn,
                             Integer newVersion) {

    public static RepairResponse from(RepairApplication application) {
        RepairConditions conditions = application.conditions();
        return new RepairResponse(application.id(), application.subjectCode(), application.period(),
                application.records(), application.listEntryId(), application.statement(), application.evidence(),
                application.status(), application.filedAt(), conditions,
                conditions == null ? null : conditions.unmet(), application.decision(), application.decidedOn(),
                application.newVersion());
    }
}
