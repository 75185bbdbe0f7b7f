package gov.envgov.enforcement.inspector;

/** Why an inspector must stand aside for an enterprise (回避): kin, an interest, a former job there, or other. */
public enum RelationKind {
    RELATIVE, INTEREST, FORMER_EMPLOYMENT, OTHER
}
