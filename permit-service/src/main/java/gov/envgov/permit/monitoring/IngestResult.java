package gov.envgov.permit.monitoring;

import java.util.List;

/**
 * What became of a batch: how many readings arrived, how many were stored, how many new exceedance episodes began,
 * and every rejected reading with its reason.
 */
public record IngestResult(int received, int stored, int newExceedances, List<Rejection> rejected) {
}
