package gov.envgov.complaint.intake;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complainant.ComplainantIdentity;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintRegistered;
import gov.envgov.complaint.complaint.ComplaintRepository;

/**
 * A registration ready to be stored: the complaint, its event, the complainant's identity (if given), the hash of an
 * anonymous filer's secret (if any), who registered it, for the audit trail, and whether the filer agreed to the
 * public feed.
 */
record NewComplaint(Complaint complaint, ComplaintRegistered event, @Nullable Complainant complainant,
                    @Nullable String secretHash, String actor, boolean publicFeedConsent) {

    ComplaintRepository.NewRow row() {
        return new ComplaintRepository.NewRow(complaint, secretHash);
    }

    /** The identity to keep in the vault, when any was given. */
    Optional<ComplainantIdentity> identity() {
        return complainant != null && complainant.hasAnyData()
                ? Optional.of(new ComplainantIdentity(complaint.id(), complainant)) : Optional.empty();
    }
}
