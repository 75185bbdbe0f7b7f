package gov.envgov.enforcement.casefile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a case is about, fixed when it is filed.
 *
 * @param violation the violation type of the discretion table (e.g. {@code OVER_LIMIT_DISCHARGE})
 * @param legalBasis the article cited
 * @param veto a veto event for credit (hidden pipes, building before EIA approval, ...)
 * @param violationEndedOn the day the violation ended (for a continuing one), or the day it happened
 * @param harmToLife life, health or financial security were harmed (the longer limitation period)
 * @param major a major case (重大案件): legal review is mandatory and the decision is collective
 */
public record CaseFacts(UUID clueId, String enterpriseCode, PartyKind party, String violation, String legalBasis,
                        boolean veto, LocalDate discoveredOn, LocalDate violationEndedOn, boolean harmToLife,
                        boolean major) {
}
