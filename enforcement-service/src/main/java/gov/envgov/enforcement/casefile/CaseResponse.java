package gov.envgov.enforcement.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as its reader may see it: staff see the whole record; the party (the enterprise) sees its case without the
 * bureau's internal record of who investigated, reviewed and discussed it, and why it went to the police.
 */
public record CaseResponse(UUID id, CaseStatus status, CaseFacts facts, CaseProcedure procedure, LocalDate nextDue,
                           long version) {

    static CaseResponse forStaff(EnforcementCase enforcementCase) {
        return new CaseResponse(enforcementCase.id(), enforcementCase.status(), enforcementCase.facts(),
                enforcementCase.procedure(), enforcementCase.nextDue(), enforcementCase.version());
    }

    static CaseResponse forParty(EnforcementCase enforcementCase) {
        CaseProcedure.Builder visible = enforcementCase.procedure().next();
        visible.investigators = List.of();
        visible.reviewer = null;
        visible.legalReviewer = null;
        visible.collectiveMinutes = null;
        visible.policeTransferReason = null;
        return new CaseResponse(enforcementCase.id(), enforcementCase.status(), enforcementCase.facts(),
                visible.build(), enforcementCase.nextDue(), enforcementCase.version());
    }
}
