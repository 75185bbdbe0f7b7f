package gov.envgov.permit.permit;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.support.web.PageResponse;

/** A permit or application as its holder and staff see it; {@code overdue} is the reviewer's decision clock. */
public record PermitResponse(UUID id, String enterpriseCode, String holderName, String district,
                             PermitClass permitClass, ApplicationKind kind, UUID renews, PermitStatus status,
                             PermitContent content, String address, String legalRepresentative, Permit.Review review,
                             boolean overdue, String number, LocalDate validFrom, LocalDate validTo,
                             Permit.Ending ending, long version) {

    public static PermitResponse from(Permit permit, LocalDate today) {
        return new PermitResponse(permit.id(), permit.enterpriseCode(), permit.holderName(), permit.district(),
                permit.permitClass(), permit.kind(), permit.renews(), permit.status(), permit.content(),
                permit.address(), permit.legalRepresentative(), permit.review(), permit.isOverdue(today),
                permit.validity().number(), permit.validity().validFrom(), permit.validity().validTo(),
                permit.ending().reason() == null ? null : permit.ending(), permit.version());
    }

    /** A page of permits as responses, each with its decision clock as of {@code today}. */
    public static PageResponse<PermitResponse> page(PageResponse<Permit> page, LocalDate today) {
        return new PageResponse<>(page.items().stream().map(permit -> from(permit, today)).toList(), page.page(),
                page.size(), page.total());
    }
}
