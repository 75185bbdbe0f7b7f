package gov.envgov.permit.monitoring;

import java.util.List;

/**
 * What became of a batch: how many readings arrived, how many were stored, how many new exceedance episodes began,
 * how many stored readings came from a unit without a valid permit and how many episodes of discharge without a
 * permit they began, and every rejected reading with its reason.
 */
public record IngestResult(int received, int stored, int newExceedances, int withoutPermit,
                           int newDischargesWithoutPermit, List<Rejection> rejected) {
}
