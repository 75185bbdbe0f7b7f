package gov.envgov.enforcement.pool;

/**
 * A unit as a draw weighs it: its code, its credit grade (null until credit-service grades it) and whether it is on
 * the positive list.
 */
public record PoolMember(String code, String creditGrade, boolean positiveList) {
}
