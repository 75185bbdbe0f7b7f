/**
 * Complaint statistics: counts by category, district and month, the on-time rate, satisfaction and "solved" kept
 * apart. Staff see every figure; the public version suppresses any cell small enough to point at a person.
 */
package gov.envgov.complaint.statistics;
