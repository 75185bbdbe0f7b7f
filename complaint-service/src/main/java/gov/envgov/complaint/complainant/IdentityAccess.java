package gov.envgov.complaint.complainant;

import java.time.Instant;

/**
 * One access to a complainant's identity: who saw it, how ({@link View}), when. Every access by staff is kept,
 * not only reveals in full (Environmental Protection Law art. 57; DOMAIN.md § Complaints).
 */
public record IdentityAccess(String actor, View view, Instant accessedAt) {

    public enum View {
        /** The pseudonymous view a handler or operator reads with the complaint. */
        MASKED,
        /** The identity in full, revealed to call the complainant back. */
        FULL
    }
}
