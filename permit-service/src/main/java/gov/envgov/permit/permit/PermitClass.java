package gov.envgov.permit.permit;

/** The two classes that need a permit; registration-only units (登记管理) file a form instead. */
public enum PermitClass { KEY, SIMPLIFIED }
