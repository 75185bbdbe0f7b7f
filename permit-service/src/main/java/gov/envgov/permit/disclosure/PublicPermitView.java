package gov.envgov.permit.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitClass;
import gov.envgov.permit.permit.PermitContent;
import gov.envgov.permit.permit.PermitStatus;

/**
 * What the public may know of a permit (DOMAIN.md: holder, number, validity, outlets and limits): no contact data,
 * no legal representative, no review notes, no self-monitoring plan.
 */
public record PublicPermitView(UUID id, String holderName, String enterpriseCode, String district,
                               PermitClass permitClass, String number, PermitStatus status, LocalDate validFrom,
                               LocalDate validTo, List<PermitContent.Outlet> outlets) {

    public static PublicPermitView from(Permit permit) {
        return new PublicPermitView(permit.id(), permit.holderName(), permit.enterpriseCode(), permit.district(),
                permit.permitClass(), permit.validity().number(), permit.status(), permit.validity().validFrom(),
                permit.validity().validTo(), permit.content().outlets());
    }
}
