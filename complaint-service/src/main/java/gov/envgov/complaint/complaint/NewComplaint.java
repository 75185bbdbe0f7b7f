package gov.envgov.complaint.complaint;

/**
 * A registration ready to be stored: the complaint, its event, the complainant's identity (if given), the hash of an
 * anonymous filer's secret (if any), and who registered it, for the audit trail.
 */
record NewComplaint(Complaint complaint, ComplaintRegistered event, Complainant complainant, String secretHash,
                    String actor) {

    boolean hasIdentity() {
        return complainant != null && complainant.hasAnyData();
    }
}
