package gov.envgov.enforcement.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A published penalty decision; {@code withdrawnOn} set when it was changed or annulled. */
public record PenaltyPublication(UUID caseId, String enterpriseCode, String party, String district, String violation,
                                 String legalBasis, BigDecimal fine, String summary, LocalDate decidedOn,
                                 LocalDate publishedOn, LocalDate publishDue, LocalDate withdrawnOn,
                                 String withdrawalReason) {
}
