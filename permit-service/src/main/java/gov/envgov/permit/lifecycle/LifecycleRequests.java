package gov.envgov.permit.lifecycle;

import java.time.LocalDate;
import java.util.List;

import gov.envgov.permit.permit.PermitContent;
import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.support.code.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of a permit's life after issue, and of moving in permits issued elsewhere, as request bodies. */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** A renewal; without content the permit's current content is renewed. */
    public record Renew(@Valid PermitContent content) {
    }

    /** 撤销 (REVOKED), 吊销 (WITHDRAWN) or 注销 (CANCELLED), with the reason and the id of a configured legal basis. */
    public record EndPermit(@NotNull EndKind how, @NotBlank @Size(max = 2000) String reason,
                            @NotBlank String legalBasis) {
    }

    /** Permits issued before this system (on the national platform), moved in by admin; at most 1000 at a time. */
    public record ImportPermits(@NotEmpty @Size(max = 1000) List<@NotNull @Valid ImportedPermit> permits) {
    }

    /**
     * One permit issued elsewhere: its content and first valid day. Reports are owed from {@code reportsFrom}
     * (default: the import day); earlier ones were the old platform's business.
     */
    public record ImportedPermit(@NotNull @CreditCode String enterpriseCode, @NotNull @Valid PermitContent content,
                                 @NotNull LocalDate validFrom, @Size(max = 200) String address,
                                 @Size(max = 50) String legalRepresentative, LocalDate reportsFrom) {
    }

    @Schema(name = "PermitImportResult")
    public record ImportResult(int imported, int alreadyHoldingAPermit) {
    }

    public enum EndKind {
        REVOKED, WITHDRAWN, CANCELLED;

        PermitStatus status() {
            return PermitStatus.valueOf(name());
        }
    }
}
