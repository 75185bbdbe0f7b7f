/**
 * An enterprise's compliance picture: permits, reports and exceedances over the last twelve quarters, read from the
 * other features' services. Owns no data.
 */
package gov.envgov.permit.compliance;
