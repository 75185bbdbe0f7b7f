package gov.envgov.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

class ExtensionRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static ExtensionRequest asked() {
        return ExtensionRequest.open(UUID.randomUUID(), UUID.randomUUID(), "兴隆台区生态环境分局", "handler-xlt", 5,
                " 需第三方检测 ", NOW);
    }

    @Test
    @DisplayName("CMP-EXTENSION-REQUEST: an approval grants the days asked for or fewer, and is given once")
    void cmpExtensionRequestIsApprovedForAtMostTheDaysAskedAndDecidedOnce() {
        ExtensionRequest request = asked();
        assertThat(request.reason()).isEqualTo("需第三方检测");
        assertThat(request.daysToApprove(null)).isEqualTo(5);
        assertThat(request.daysToApprove(3)).isEqualTo(3);
        assertThatThrownBy(() -> request.daysToApprove(6)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("5 working days");
        assertThatThrownBy(() -> request.daysToApprove(0)).isInstanceOf(DomainException.RuleViolation.class);

        ExtensionRequest approved = request.approve(3, "operator1", LocalDate.of(2026, 3, 26), null, NOW);
        assertThat(approved.status()).isEqualTo(ExtensionStatus.APPROVED);
        assertThat(approved.approvedDays()).isEqualTo(3);
        assertThatThrownBy(() -> approved.refuse("operator2", "不同意", NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("APPROVED by operator1");
        assertThat(request.refuse("operator1", " 理由不充分 ", NOW).decisionNote()).isEqualTo("理由不充分");
        assertThat(request.blocksAnother("HB1").getMessage()).contains(request.id().toString()).contains("5 working");
    }
}
