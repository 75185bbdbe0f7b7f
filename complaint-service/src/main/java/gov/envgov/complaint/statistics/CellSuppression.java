package gov.envgov.complaint.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Statistical disclosure control of the public report, the same for every field: a count of fewer than the threshold
 * (but not zero) is suppressed — shown as null, never as 0 — and named; where one suppressed cell could be worked out
 * from the rest (the only one in a group whose cells add up to a published total, or a part whose whole is
 * published), the next cell is suppressed too. A threshold of 0 suppresses nothing (the staff report). Decides
 * without I/O; one instance per report.
 */
final class CellSuppression {

    private final int threshold;
    private final List<String> suppressed = new ArrayList<>();

    CellSuppression(int threshold) {
        this.threshold = threshold;
    }

    /** The names of the suppressed cells so far, such as {@code byDistrict.大洼区} or {@code solved}. */
    List<String> suppressed() {
        return List.copyOf(suppressed);
    }

    private boolean small(long value) {
        return threshold > 0 && value > 0 && value < threshold;
    }

    /** One count on its own. */
    @Nullable Long count(String field, long value) {
        if (small(value)) {
            suppressed.add(field);
            return null;
        }
        return value;
    }

    /**
     * A part of a published whole ({@code answered} of {@code total}): suppressed as any count, and also when the
     * rest of the whole is small, since whole minus part would show it.
     */
    @Nullable Long part(String field, long value, @Nullable Long whole) {
        if (small(value) || whole != null && small(whole - value)) {
            suppressed.add(field);
            return null;
        }
        return value;
    }

    /**
     * A group of cells that add up to a total (by category, district, month; satisfaction): every small cell is
     * null; when exactly one is, the smallest published cell is suppressed too, so that neither can be worked out.
     */
    Map<String, Long> group(String field, Map<String, Long> cells) {
        Map<String, Long> result = new LinkedHashMap<>(cells);
        int small = 0;
        String smallestPublished = null;
        for (var cell : cells.entrySet()) {
            if (small(cell.getValue())) {
                result.put(cell.getKey(), null);
                suppressed.add(field + "." + cell.getKey());
                small++;
            } else if (smallestPublished == null || cell.getValue() < cells.get(smallestPublished)) {
                smallestPublished = cell.getKey();
            }
        }
        if (small == 1 && smallestPublished != null) {
            result.put(smallestPublished, null);
            suppressed.add(field + "." + smallestPublished);
        }
        return result;
    }
}
