/**
 * Quarterly rectification reports (整改报告): what a subject whose grade in force is a warning or worse owes each
 * quarter, with its deadline, and the credit officer's review.
 * <p>
 * Owns: {@code rectification_report}.
 * <p>
 * Invariants: one report per subject and quarter (CRD-RECTIFICATION-QUARTERLY); a final result whose grade has one
 * of the configured colours ({@code envgov.credit.rectification.colors}) owes the four quarters of the year after
 * its period that end on or after its publication, each due the configured working days after the quarter ends;
 * unfiled reports past their day are overdue and may still be filed (marked late); a repaired grade that no longer
 * owes reports waives the open ones; an officer accepts a filed report or returns it to be filed again; an
 * enterprise sees and files only its own.
 * <p>
 * Consumes: nothing (the daily clock reads the results in force). Publishes: nothing.
 */
@NullMarked
package gov.envgov.credit.rectification;

import org.jspecify.annotations.NullMarked;
