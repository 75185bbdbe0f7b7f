package gov.envgov.complaint.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

class RewardTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static Reward proposed() {
        return Reward.propose(UUID.randomUUID(), UUID.randomUUID(), RewardSeverity.MAJOR, 2000, "立案查处",
                "operator1", NOW);
    }

    @Test
    void cmpRewardFourEyesTheProposerNeverDecides() {
        assertThatThrownBy(() -> proposed().approve("operator1", NOW)).isInstanceOf(DomainException.Forbidden.class);
        assertThatThrownBy(() -> proposed().refuse("operator1", "no", NOW))
                .isInstanceOf(DomainException.Forbidden.class);
        Reward approved = proposed().approve("admin1", NOW);
        assertThat(approved.status()).isEqualTo(RewardStatus.APPROVED);
        assertThatThrownBy(() -> approved.approve("admin2", NOW)).isInstanceOf(DomainException.Conflict.class);
        Reward paid = approved.recordPayment("operator1", "转账 1", NOW);
        assertThat(paid.status()).isEqualTo(RewardStatus.PAID);
        assertThat(paid.version()).isEqualTo(3);
        assertThatThrownBy(() -> proposed().recordPayment("operator1", "转账 1", NOW))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> proposed().refuse("admin1", "线索不实", NOW).recordPayment("x", "y", NOW))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void cmpRewardEligibleAmountsComeFromTheTable() {
        RewardRules rules = new RewardRules(Map.of(RewardSeverity.GENERAL, 500, RewardSeverity.SERIOUS, 1000,
                RewardSeverity.MAJOR, 2000));
        assertThat(rules.amountFor(RewardSeverity.GENERAL)).isEqualTo(500);
        assertThat(rules.amountFor(RewardSeverity.MAJOR)).isEqualTo(2000);
        assertThatThrownBy(() -> new RewardProperties(Map.of(RewardSeverity.GENERAL, 500), java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
