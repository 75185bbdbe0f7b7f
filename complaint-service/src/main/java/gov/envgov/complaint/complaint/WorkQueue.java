package gov.envgov.complaint.complaint;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The complaints one work queue lists: the operators' ({@code unit} null) or one unit's, in some or all of the
 * queue's states, of one district or all.
 */
public record WorkQueue(@Nullable String unit, Set<ComplaintStatus> states, @Nullable String district) {

    public WorkQueue {
        states = Set.copyOf(states);
    }

    public boolean operators() {
        return unit == null;
    }
}
