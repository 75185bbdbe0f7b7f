package gov.envgov.enforcement.inspector;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A credentialed inspector (行政执法证) of the inspector pool. {@code username} ties them to their Keycloak user;
 * inspectors without a login (drawn, but recording on paper) have none.
 */
public record Inspector(UUID id, String username, String name, String credentialNumber, LocalDate validUntil,
                        String district, String department, boolean active, long version) {

    /** ENF-INSPECTOR-CREDENTIAL: only an active inspector whose credential is valid on the day may be drawn. */
    public boolean mayInspectOn(LocalDate day) {
        return active && !validUntil.isBefore(day);
    }
}
