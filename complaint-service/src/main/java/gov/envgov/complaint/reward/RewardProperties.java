package gov.envgov.complaint.reward;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The city's reward scheme ({@code envgov.complaint.rewards}).
 *
 * @param amounts       the reward in yuan per severity (B: the examples of DOMAIN.md, ¥500 / 1,000 / 2,000)
 * @param noveltyWindow how far back an earlier report of the same enterprise and category makes a clue not new
 */
@ConfigurationProperties("envgov.complaint.rewards")
public record RewardProperties(Map<RewardSeverity, Integer> amounts, Duration noveltyWindow) {

    public RewardProperties {
        amounts = Map.copyOf(amounts);
        for (RewardSeverity severity : RewardSeverity.values()) {
            Integer amount = amounts.get(severity);
            if (amount == null || amount <= 0) {
                throw new IllegalArgumentException("envgov.complaint.rewards.amounts has no positive amount for "
                        + severity);
            }
        }
    }
}
