package gov.envgov.enforcement.casefile;

/** Who is penalised: thresholds for the hearing right and the simple procedure differ (DOMAIN.md). */
public enum PartyKind {
    ORGANISATION, INDIVIDUAL
}
