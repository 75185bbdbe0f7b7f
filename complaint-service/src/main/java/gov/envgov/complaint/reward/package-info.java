/**
 * Rewards for reports (有奖举报, 环办执法〔2020〕8号): a real-name complainant whose clue was new to the bureau (the
 * first report of the facts) and verified by the outcome (substantiated against an enterprise) may be rewarded with
 * an amount from the configured table.
 * <p>
 * Owns: {@code complaint_reward}, one per complaint.
 * <p>
 * Invariants ({@link gov.envgov.complaint.reward.RewardRules} and {@link gov.envgov.complaint.reward.Reward}): only an
 * eligible complaint gets a proposal, with the table's amount for its severity; the approver is never the proposer
 * (four eyes); only an approved reward is paid, with its payment reference; every step is audited; the amount is
 * shown to staff and to the complainant themself, never published, never beside a name.
 * <p>
 * Publishes: nothing (no feed event carries an amount). Consumes: the complaint and the identity vault.
 */
@NullMarked
package gov.envgov.complaint.reward;

import org.jspecify.annotations.NullMarked;
