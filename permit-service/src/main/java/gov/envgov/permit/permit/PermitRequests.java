package gov.envgov.permit.permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.code.CreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of the permit workflow, as request bodies. */
public final class PermitRequests {

    private PermitRequests() {
    }

    /** An enterprise applies for a permit for itself; the application starts as a draft. */
    public record ApplyForPermit(@NotNull @CreditCode String enterpriseCode,
                                 @NotNull @Valid PermitContent content,
                                 @Size(max = 200) String address,
                                 @Size(max = 50) String legalRepresentative) {
    }

    /** Changes a draft, or an application sent back for a supplement. */
    public record EditApplication(@NotNull @Valid PermitContent content, @Size(max = 200) String address,
                                  @Size(max = 50) String legalRepresentative, @NotNull Long version) {
    }

    public record RequestSupplement(@NotBlank @Size(max = 2000) String request) {
    }

    public record Issue(@Size(max = 2000) String note) {
    }

    public record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    /** An administrative change of an issued permit; the content may keep or lower the limits, nothing more. */
    public record ChangePermit(@NotBlank @Size(max = 200) String holderName, @Size(max = 200) String address,
                               @Size(max = 50) String legalRepresentative, @NotNull @Valid PermitContent content,
                               @NotNull Long version) {
    }

    /** A change request as stored and shown: what the holder asked for, and what became of it. */
    public record ChangeRequest(UUID id, UUID permitId, ChangePermit change, String status, String requestedBy,
                                Instant requestedAt, String decidedBy, Instant decidedAt, String reason) {
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

    public record ImportResult(int imported, int alreadyHoldingAPermit) {
    }

    public enum EndKind {
        REVOKED, WITHDRAWN, CANCELLED;

        PermitStatus status() {
            return PermitStatus.valueOf(name());
        }
    }
}
