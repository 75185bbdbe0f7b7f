package gov.envgov.permit.permit;

/** A first (or replacing) application, or the renewal (延续) of an issued permit. */
public enum ApplicationKind { NEW, RENEWAL }
