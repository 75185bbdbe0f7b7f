package gov.envgov.permit.enterprise;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Registers many units at once (data migration, demo data); codes already registered are skipped. */
public record ImportEnterprisesRequest(@NotEmpty @Size(max = 5000) List<@Valid RegisterEnterpriseRequest> enterprises) {
}
