/**
 * Enforcement cases through the ordinary procedure (生态环境行政处罚办法 2023), every act in the case's audit chain.
 * ({@code case} is a Java keyword; hence {@code casefile}.)
 * <p>
 * Owns: {@code enforcement_case}, {@code decision_number}.
 * <p>
 * Invariants ({@link gov.envgov.enforcement.casefile.EnforcementCase}, numbers in
 * {@link gov.envgov.enforcement.casefile.CaseRules}): filed within the limitation period with at least two
 * investigators; reviewed, heard and legally reviewed by people who did not investigate; a hearing only with the
 * right to one and on request within 5 working days, notified 7 working days ahead; no decision while a hearing may
 * still be requested, none without legal review after a hearing or in a major case (and a major one collectively);
 * the fine never above the notice; served, then paid within 15 days with 3 % a day late, capped at the fine.
 * <p>
 * The simple procedure (当场处罚) files and decides a small fine on the spot; the decision clock pauses (hearing,
 * service, testing …) and is extended (+30, +30 collectively); an unpaid, uncontested fine goes to a written demand
 * and then to the court; a case may be transferred to the police — each an act in the case's chain.
 * <p>
 * Publishes: {@code CaseFiled}, {@code CaseNotFiled}, {@code NoticeServed}, {@code HearingRequested},
 * {@code HearingScheduled}, {@code PenaltyDecided} (with its penalty kinds), {@code PermitRevocationDecided}
 * (吊销, for permit-service), {@code DecisionClockPaused}, {@code DecisionClockResumed},
 * {@code DecisionPeriodExtended}, {@code DecisionServed}, {@code DecisionChallenged}, {@code PaymentDemanded},
 * {@code CourtEnforcementApplied}, {@code CaseTransferredToPolice}, {@code PenaltyPaid}, {@code CaseClosed},
 * {@code DecisionWithdrawn}.
 * Consumes: clues.
 */
@NullMarked
package gov.envgov.enforcement.casefile;

import org.jspecify.annotations.NullMarked;
