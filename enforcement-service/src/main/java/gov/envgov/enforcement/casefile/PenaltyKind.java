package gov.envgov.enforcement.casefile;

/**
 * The kinds of administrative penalty a notice proposes and a decision imposes (行政处罚法 Art 9); a decision may
 * impose several. {@link #PERMIT_REVOCATION} (吊销排污许可证) reaches permit-service as {@code PermitRevocationDecided}.
 */
public enum PenaltyKind {
    WARNING, FINE, CONFISCATION, QUALIFICATION_LOWERED, PERMIT_REVOCATION, PRODUCTION_RESTRICTED,
    PRODUCTION_SUSPENDED, CLOSURE
}
