package gov.envgov.complaint.reward;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.support.domain.DomainException;

/**
 * Who may be rewarded for a report (DOMAIN.md § Complaints; 环办执法〔2020〕8号): a real-name complainant (a name and
 * a way to reach them in the vault, not an anonymous filing), the first report of the facts (not a duplicate linked
 * to a master, no earlier report of the same enterprise and category within the novelty window), verified by the
 * outcome (handled and substantiated against an enterprise). The amount comes from the table. Decides without I/O.
 */
public final class RewardRules {

    private static final Set<ComplaintStatus> HANDLED = EnumSet.of(ComplaintStatus.HANDLED, ComplaintStatus.REPLIED,
            ComplaintStatus.FOLLOWED_UP, ComplaintStatus.CLOSED);

    private final Map<RewardSeverity, Integer> amounts;

    public RewardRules(Map<RewardSeverity, Integer> amounts) {
        this.amounts = Map.copyOf(amounts);
    }

    /**
     * Refuses a complaint that may not be rewarded, naming the first condition it fails.
     *
     * @param identity       the identity the complainant gave, null when none
     * @param earlierReports how many other complaints reported the same enterprise and category before it
     */
    public void requireEligible(Complaint complaint, @Nullable Complainant identity, long earlierReports) {
        if (!HANDLED.contains(complaint.status()) || !Boolean.TRUE.equals(complaint.handling().substantiated())
                || complaint.enterpriseCode() == null) {
            throw new DomainException.RuleViolation("reward-not-verified", "complaintId", "complaint "
                    + complaint.trackingCode() + " was not found substantiated against an enterprise");
        }
        if (identity == null || identity.name() == null || (identity.phone() == null && identity.idNumber() == null)
                || complaint.channel() == Channel.OPEN311) {
            throw new DomainException.RuleViolation("reward-not-real-name", "complaintId", "complaint "
                    + complaint.trackingCode() + " was not made under a real name with contact data");
        }
        if (complaint.masterId() != null || earlierReports > 0) {
            throw new DomainException.RuleViolation("reward-not-first-report", "complaintId", "complaint "
                    + complaint.trackingCode() + " is not the first report of these facts");
        }
    }

    public int amountFor(RewardSeverity severity) {
        return amounts.get(severity);
    }
}
