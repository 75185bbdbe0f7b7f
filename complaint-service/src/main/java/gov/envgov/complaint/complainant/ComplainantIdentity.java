package gov.envgov.complaint.complainant;

import java.util.UUID;

/** The identity a complainant gave with one complaint, to be stored in the vault. */
public record ComplainantIdentity(UUID complaintId, Complainant complainant) {
}
