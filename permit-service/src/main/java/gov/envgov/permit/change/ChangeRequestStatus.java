package gov.envgov.permit.change;

/** {@code PENDING → APPROVED | REJECTED}; a decided request stays as it was decided. */
public enum ChangeRequestStatus { PENDING, APPROVED, REJECTED }
