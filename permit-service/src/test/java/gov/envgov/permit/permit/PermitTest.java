package gov.envgov.permit.permit;

import static gov.envgov.permit.permit.PermitContentTest.content;
import static gov.envgov.permit.permit.PermitContentTest.outlet;
import static gov.envgov.permit.permit.PermitContentTest.so2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import gov.envgov.permit.enterprise.ManagementClass;
import gov.envgov.permit.permit.Permit.Transition;
import gov.envgov.permit.permit.PermitEvent.PermitApplicationAccepted;
import gov.envgov.permit.permit.PermitEvent.PermitApplicationSubmitted;
import gov.envgov.permit.permit.PermitEvent.PermitChanged;
import gov.envgov.permit.permit.PermitEvent.PermitEnded;
import gov.envgov.permit.permit.PermitEvent.PermitExpired;
import gov.envgov.permit.permit.PermitEvent.PermitExpiryReminder;
import gov.envgov.permit.permit.PermitEvent.PermitIssued;
import gov.envgov.permit.permit.PermitEvent.PermitRejected;
import gov.envgov.permit.permit.PermitEvent.PermitSiteCheckScheduled;
import gov.envgov.permit.permit.PermitEvent.PermitSuperseded;
import gov.envgov.permit.permit.PermitEvent.PermitSupplementRequested;
import gov.envgov.support.calendar.HolidaySchedule;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/**
 * The permit aggregate's transitions and refusals. The calendar has no holidays in 2026, so a deadline is counted in
 * weekdays: Monday 2 March 2026 plus 3 working days is Thursday 5 March.
 */
class PermitTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final String CODE = "91211104MA0GB00028";
    private static final String NUMBER = CODE + "001P";
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static final PermitRules RULES = new PermitRules(new PermitProperties(3,
            Map.of(PermitClass.SIMPLIFIED, 5, PermitClass.KEY, 10), 15, 4, 5, 60, PermitProperties.LateRenewal.REFUSE,
            List.of(30, 15, 5), "001P", Map.of(), 10, 3),
            new WorkingDayCalendar(List.of(new HolidaySchedule(2026, "none", List.of(), Set.of()))));

    private static final PermitContent CONTENT = content(outlet("DA001", so2(50, 12.0)));

    private static Permit draft(ApplicationKind kind) {
        return draft(PermitClass.SIMPLIFIED, kind);
    }

    private static Permit draft(PermitClass permitClass, ApplicationKind kind) {
        return Permit.draft(ID, CODE, "大洼红海滩食品有限公司", "大洼区", permitClass, kind,
                kind == ApplicationKind.RENEWAL ? OTHER : null, CONTENT, "示范路1号", "李明", T0);
    }

    private static Permit draft() {
        return draft(ApplicationKind.NEW);
    }

    private static Permit submitted() {
        return draft().submit(MONDAY, RULES, T0).permit();
    }

    private static Permit accepted() {
        return submitted().accept(MONDAY.plusDays(2), RULES, T0).permit();
    }

    private static Permit issued() {
        return accepted().issue(NUMBER, LocalDate.of(2026, 3, 10), RULES, "材料齐全", T0).permit();
    }

    /**
     * API-CONFLICTS-NAME-THE-BLOCKER: the refusal names the permit and its state as {@code blockedBy}, and a skipped
     * step as {@code requiredStep} exactly when the message says which step comes first.
     */
    private static void refused(ThrowingCallable transition, String message) {
        assertThatThrownBy(transition).isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> {
            assertThat(refusal.code()).isEqualTo("invalid-transition");
            assertThat(refusal.properties().get(DomainException.Conflict.BLOCKED_BY)).isInstanceOfSatisfying(
                    java.util.Map.class, blocker -> assertThat(blocker).containsEntry("type", "permit")
                            .containsEntry("id", ID.toString()));
            java.util.regex.Matcher step = java.util.regex.Pattern.compile("; (\\w+) it first").matcher(message);
            assertThat(refusal.properties().get(DomainException.Conflict.REQUIRED_STEP))
                    .isEqualTo(step.find() ? step.group(1) : null);
        }).hasMessage(message);
    }

    private static String first(String step) {
        return "; " + step + " it first (POST /api/permits/" + ID + "/" + step + ")";
    }

    private static void violates(ThrowingCallable transition, String code, String field, String message) {
        assertThatThrownBy(transition).isInstanceOfSatisfying(DomainException.RuleViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.field()).isEqualTo(field);
        }).hasMessage(message);
    }

    @Test
    void aDraftStartsAtVersionOneWithNothingReviewedIssuedOrEnded() {
        Permit draft = draft();
        assertThat(draft.status()).isEqualTo(PermitStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.createdAt()).isEqualTo(T0);
        assertThat(draft.review()).isEqualTo(Permit.Review.NONE);
        assertThat(draft.validity()).isEqualTo(Permit.Validity.NONE);
        assertThat(draft.ending()).isEqualTo(Permit.Ending.NONE);
        assertThat(draft.isIssued()).isFalse();
    }

    @Test
    void aDraftWithAnInconsistentContentIsRefused() {
        violates(() -> Permit.draft(ID, CODE, "n", "大洼区", PermitClass.KEY, ApplicationKind.NEW, null,
                        content(outlet("DA001", so2(50, 1.0)), outlet("DA001", so2(40, 1.0))), null, null, T0),
                "duplicate-outlet", "content.outlets[1].code", "outlet DA001 is listed twice");
    }

    @Test
    void aRegistrationOnlyUnitHasNoPermitClass() {
        assertThat(PermitClass.of(ManagementClass.KEY)).isEqualTo(PermitClass.KEY);
        assertThat(PermitClass.of(ManagementClass.SIMPLIFIED)).isEqualTo(PermitClass.SIMPLIFIED);
        violates(() -> PermitClass.of(ManagementClass.REGISTRATION), "registration-only", "enterpriseCode",
                "a registration-only unit (登记管理) files a registration form, not a permit application");
    }

    @Test
    void aDraftOrAnApplicationSentBackMayBeEditedAndNothingElse() {
        PermitContent lower = content(outlet("DA001", so2(40, 10.0)));
        Permit edited = draft().edit(lower, "新地址", "王强", T1);
        assertThat(edited.content()).isEqualTo(lower);
        assertThat(edited.address()).isEqualTo("新地址");
        assertThat(edited.legalRepresentative()).isEqualTo("王强");
        assertThat(edited.status()).isEqualTo(PermitStatus.DRAFT);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.updatedAt()).isEqualTo(T1);
        Permit sentBack = submitted().requestSupplement("补充材料", MONDAY, T0).permit();
        assertThat(sentBack.edit(lower, null, null, T1).status()).isEqualTo(PermitStatus.SUPPLEMENT_REQUESTED);
        refused(() -> submitted().edit(lower, null, null, T1),
                "cannot edit permit " + ID + " while it is SUBMITTED");
    }

    @Test
    void submittingStartsTheCompletenessAndDecisionClocks() {
        Transition submitted = draft().submit(MONDAY, RULES, T1);
        Permit permit = submitted.permit();
        assertThat(permit.status()).isEqualTo(PermitStatus.SUBMITTED);
        assertThat(permit.version()).isEqualTo(2);
        assertThat(permit.review()).isEqualTo(new Permit.Review(MONDAY, LocalDate.of(2026, 3, 5), null, null, false,
                LocalDate.of(2026, 3, 9), null, null));
        assertThat(submitted.event()).isEqualTo(new PermitApplicationSubmitted(ID, CODE, ApplicationKind.NEW,
                PermitClass.SIMPLIFIED, MONDAY, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 9)));
        refused(() -> submitted().submit(MONDAY, RULES, T1), "cannot submit permit " + ID + " while it is SUBMITTED");
    }

    @Test
    void aRenewalIsDecidedWithinTheRenewalPeriod() {
        Transition submitted = draft(ApplicationKind.RENEWAL).submit(MONDAY, RULES, T1);
        assertThat(submitted.permit().review().decisionDue()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(submitted.permit().renews()).isEqualTo(OTHER);
    }

    @Test
    void aSupplementIsRequestedOnlyWithinTheCompletenessPeriod() {
        Transition sentBack = submitted().requestSupplement("补充环评批复", LocalDate.of(2026, 3, 5), T1);
        assertThat(sentBack.permit().status()).isEqualTo(PermitStatus.SUPPLEMENT_REQUESTED);
        assertThat(sentBack.permit().review()).isEqualTo(new Permit.Review(MONDAY, LocalDate.of(2026, 3, 5), null,
                null, false, null, "补充环评批复", null));
        assertThat(sentBack.event()).isEqualTo(new PermitSupplementRequested(ID, CODE, "补充环评批复"));
        violates(() -> submitted().requestSupplement("太晚了", LocalDate.of(2026, 3, 6), T1),
                "completeness-period-over", "request", "the completeness check ended on 2026-03-05; the "
                        + "application counts as accepted and must be decided");
        refused(() -> draft().requestSupplement("x", MONDAY, T1),
                "cannot request a supplement for permit " + ID + " while it is DRAFT" + first("submit"));
    }

    @Test
    void aResubmissionKeepsTheSupplementRequestAndRestartsTheClocks() {
        Permit sentBack = submitted().requestSupplement("补充", MONDAY, T0).permit();
        LocalDate thursday = LocalDate.of(2026, 3, 5);
        Permit again = sentBack.submit(thursday, RULES, T1).permit();
        assertThat(again.review()).isEqualTo(new Permit.Review(thursday, LocalDate.of(2026, 3, 10), null, null,
                false, LocalDate.of(2026, 3, 12), "补充", null));
    }

    @Test
    void acceptanceInTimeStartsTheDecisionClockFromTheDayOfAcceptance() {
        Transition accepted = submitted().accept(LocalDate.of(2026, 3, 4), RULES, T1);
        assertThat(accepted.permit().status()).isEqualTo(PermitStatus.ACCEPTED);
        assertThat(accepted.permit().review()).isEqualTo(new Permit.Review(MONDAY, LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 4), false, false, LocalDate.of(2026, 3, 11), null, null));
        assertThat(accepted.event()).isEqualTo(new PermitApplicationAccepted(ID, CODE, LocalDate.of(2026, 3, 4),
                false, LocalDate.of(2026, 3, 11)));
        refused(() -> draft().accept(MONDAY, RULES, T1),
                "cannot accept permit " + ID + " while it is DRAFT" + first("submit"));
    }

    @Test
    void acceptanceAfterTheCompletenessPeriodCountsFromSubmission() {
        Transition accepted = submitted().accept(LocalDate.of(2026, 3, 6), RULES, T1);
        assertThat(accepted.permit().review().acceptedOn()).isEqualTo(MONDAY);
        assertThat(accepted.permit().review().deemedAccepted()).isTrue();
        assertThat(accepted.permit().review().decisionDue()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void silenceAfterTheCompletenessPeriodMeansAcceptance() {
        assertThat(submitted().deemAccepted(LocalDate.of(2026, 3, 5), RULES, T1)).isEmpty();
        assertThat(draft().deemAccepted(LocalDate.of(2026, 3, 6), RULES, T1)).isEmpty();
        Transition deemed = submitted().deemAccepted(LocalDate.of(2026, 3, 6), RULES, T1).orElseThrow();
        assertThat(deemed.permit().status()).isEqualTo(PermitStatus.ACCEPTED);
        assertThat(deemed.event()).isEqualTo(new PermitApplicationAccepted(ID, CODE, MONDAY, true,
                LocalDate.of(2026, 3, 9)));
    }

    /** PERMIT-REVIEW-LIMIT: 45 working days only for a key unit's new application that needs a site check. */
    @Test
    void permitReviewLimitSiteCheckLengthensOnlyAKeyUnitsNewApplication() {
        Permit key = draft(PermitClass.KEY, ApplicationKind.NEW).submit(MONDAY, RULES, T0).permit()
                .accept(MONDAY.plusDays(2), RULES, T0).permit();
        assertThat(key.review().decisionDue()).isEqualTo(LocalDate.of(2026, 3, 18));
        Transition check = key.scheduleSiteCheck(RULES, T1);
        assertThat(check.permit().status()).isEqualTo(PermitStatus.SITE_CHECK);
        assertThat(check.permit().review().siteCheck()).isTrue();
        assertThat(check.permit().review().decisionDue()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(check.event()).isEqualTo(new PermitSiteCheckScheduled(ID, CODE, LocalDate.of(2026, 3, 25)));
        // A simplified unit keeps its 20 (here 5) working days, site check or not.
        Transition simplified = accepted().scheduleSiteCheck(RULES, T1);
        assertThat(simplified.permit().review().siteCheck()).isTrue();
        assertThat(simplified.permit().review().decisionDue()).isEqualTo(LocalDate.of(2026, 3, 11));
        // A key unit's renewal keeps the renewal period.
        Permit renewal = draft(PermitClass.KEY, ApplicationKind.RENEWAL).submit(MONDAY, RULES, T0).permit()
                .accept(MONDAY.plusDays(2), RULES, T0).permit();
        assertThat(renewal.scheduleSiteCheck(RULES, T1).permit().review().decisionDue())
                .isEqualTo(LocalDate.of(2026, 3, 10));
        refused(() -> submitted().scheduleSiteCheck(RULES, T1),
                "cannot schedule a site check for permit " + ID + " while it is SUBMITTED" + first("accept"));
    }

    @Test
    void anAcceptedApplicationIsIssuedWithNumberAndValidity() {
        LocalDate from = LocalDate.of(2026, 3, 10);
        Transition issued = accepted().issue(NUMBER, from, RULES, "材料齐全", T1);
        Permit permit = issued.permit();
        assertThat(permit.status()).isEqualTo(PermitStatus.ISSUED);
        assertThat(permit.isIssued()).isTrue();
        assertThat(permit.validity()).isEqualTo(new Permit.Validity(NUMBER, from, LocalDate.of(2031, 3, 9)));
        assertThat(permit.review().decisionReason()).isEqualTo("材料齐全");
        assertThat(permit.remindedDays()).isNull();
        assertThat(issued.event()).isEqualTo(new PermitIssued(ID, CODE, NUMBER, PermitClass.SIMPLIFIED,
                ApplicationKind.NEW, from, LocalDate.of(2031, 3, 9)));
        Permit afterCheck = accepted().scheduleSiteCheck(RULES, T0).permit().issue(NUMBER, from, RULES, null, T1)
                .permit();
        assertThat(afterCheck.status()).isEqualTo(PermitStatus.ISSUED);
        refused(() -> submitted().issue(NUMBER, from, RULES, null, T1),
                "cannot issue permit " + ID + " while it is SUBMITTED" + first("accept"));
    }

    @Test
    void anApplicationUnderReviewIsRejectedWithItsReason() {
        for (Permit underReview : List.of(submitted(), accepted(), accepted().scheduleSiteCheck(RULES, T0).permit())) {
            Transition rejected = underReview.reject("不符合要求", T1);
            assertThat(rejected.permit().status()).isEqualTo(PermitStatus.REJECTED);
            assertThat(rejected.permit().review().decisionReason()).isEqualTo("不符合要求");
            assertThat(rejected.event()).isEqualTo(new PermitRejected(ID, CODE, "不符合要求"));
        }
        refused(() -> draft().reject("x", T1), "cannot reject permit " + ID + " while it is DRAFT" + first("submit"));
        refused(() -> issued().reject("x", T1), "cannot reject permit " + ID + " while it is ISSUED");
    }

    @Test
    void anAdministrativeChangeKeepsTheStateAndMayOnlyLowerLimits() {
        Permit issued = issued();
        PermitContent lower = content(outlet("DA001", so2(40, 10.0)));
        Transition changed = issued.change("盘锦红海滩食品股份有限公司", "新地址", "赵强", lower, T1);
        assertThat(changed.permit().status()).isEqualTo(PermitStatus.ISSUED);
        assertThat(changed.permit().holderName()).isEqualTo("盘锦红海滩食品股份有限公司");
        assertThat(changed.permit().content()).isEqualTo(lower);
        assertThat(changed.permit().version()).isEqualTo(issued.version() + 1);
        assertThat(changed.permit().validity()).isEqualTo(issued.validity());
        assertThat(changed.event()).isEqualTo(new PermitChanged(ID, CODE, NUMBER, issued.version() + 1));
        violates(() -> issued.change("n", null, null, content(outlet("DA001", so2(60, 12.0))), T1),
                "new-application-required", "content", "not an administrative change: higher limit for 二氧化硫 at "
                        + "DA001; apply for a new permit instead");
        refused(() -> submitted().change("n", null, null, lower, T1),
                "cannot change permit " + ID + " while it is SUBMITTED" + first("accept"));
    }

    @Test
    void aPermitIsRevokedOrWithdrawnWhileIssuedAndCancelledAlsoOnceExpired() {
        Transition revoked = issued().end(PermitStatus.REVOKED, "以欺骗手段取得", "行政许可法 第六十九条", T1);
        assertThat(revoked.permit().status()).isEqualTo(PermitStatus.REVOKED);
        assertThat(revoked.permit().ending()).isEqualTo(new Permit.Ending("以欺骗手段取得", "行政许可法 第六十九条"));
        assertThat(revoked.event()).isEqualTo(new PermitEnded(ID, CODE, NUMBER, PermitStatus.REVOKED, "以欺骗手段取得",
                "行政许可法 第六十九条"));
        assertThat(issued().end(PermitStatus.WITHDRAWN, "r", "b", T1).permit().status())
                .isEqualTo(PermitStatus.WITHDRAWN);
        Permit expired = issued().expire(LocalDate.of(2031, 3, 10), null, T1).orElseThrow().permit();
        assertThat(expired.end(PermitStatus.CANCELLED, "r", "b", T1).permit().status())
                .isEqualTo(PermitStatus.CANCELLED);
        refused(() -> expired.end(PermitStatus.REVOKED, "r", "b", T1),
                "cannot revoke permit " + ID + " while it is EXPIRED");
        refused(() -> revoked.permit().end(PermitStatus.WITHDRAWN, "r", "b", T1),
                "cannot withdraw permit " + ID + " while it is REVOKED");
        refused(() -> submitted().end(PermitStatus.CANCELLED, "r", "b", T1),
                "cannot cancel permit " + ID + " while it is SUBMITTED" + first("accept"));
        assertThatThrownBy(() -> issued().end(PermitStatus.EXPIRED, "r", "b", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("EXPIRED is not a way to end a permit");
    }

    @Test
    void anIssuedPermitExpiresAfterItsLastDayOrIsSupersededByItsRenewal() {
        Permit issued = issued();
        assertThat(issued.expire(LocalDate.of(2031, 3, 9), null, T1)).isEmpty();
        assertThat(submitted().expire(LocalDate.of(2031, 3, 10), null, T1)).isEmpty();
        Transition expired = issued.expire(LocalDate.of(2031, 3, 10), null, T1).orElseThrow();
        assertThat(expired.permit().status()).isEqualTo(PermitStatus.EXPIRED);
        assertThat(expired.event()).isEqualTo(new PermitExpired(ID, CODE, NUMBER, LocalDate.of(2031, 3, 9)));
        Transition superseded = issued.expire(LocalDate.of(2031, 3, 10), OTHER, T1).orElseThrow();
        assertThat(superseded.permit().status()).isEqualTo(PermitStatus.SUPERSEDED);
        assertThat(superseded.event()).isEqualTo(new PermitSuperseded(ID, CODE, NUMBER, OTHER));
    }

    @Test
    void onlyAnIssuedPermitIsSuperseded() {
        Transition superseded = issued().supersede(OTHER, T1);
        assertThat(superseded.permit().status()).isEqualTo(PermitStatus.SUPERSEDED);
        assertThat(superseded.event()).isEqualTo(new PermitSuperseded(ID, CODE, NUMBER, OTHER));
        refused(() -> superseded.permit().supersede(OTHER, T1),
                "cannot supersede permit " + ID + " while it is SUPERSEDED");
    }

    /** PERMIT-RENEWAL-REMINDER: reminders count down to the last day to apply (expiry - 60), not to expiry. */
    @Test
    void permitRenewalReminderCountsDownToTheLastDayToApply() {
        Permit issued = issued();
        LocalDate lastDay = LocalDate.of(2031, 1, 8);
        assertThat(issued.remind(LocalDate.of(2030, 12, 8), RULES, T1)).isEmpty();
        Transition first = issued.remind(LocalDate.of(2030, 12, 9), RULES, T1).orElseThrow();
        assertThat(first.permit().remindedDays()).isEqualTo(30);
        assertThat(first.event()).isEqualTo(new PermitExpiryReminder(ID, CODE, NUMBER, LocalDate.of(2031, 3, 9),
                30, lastDay));
        assertThat(first.permit().remind(LocalDate.of(2030, 12, 10), RULES, T1)).isEmpty();
        Transition missed = issued.remind(LocalDate.of(2031, 1, 5), RULES, T1).orElseThrow();
        assertThat(missed.permit().remindedDays()).isEqualTo(5);
        assertThat(missed.permit().remind(LocalDate.of(2031, 1, 8), RULES, T1)).isEmpty();
        // Once the last day to apply has passed there is nothing left to remind of.
        assertThat(issued.remind(LocalDate.of(2031, 1, 9), RULES, T1)).isEmpty();
        assertThat(submitted().remind(LocalDate.of(2031, 1, 5), RULES, T1)).isEmpty();
    }

    /**
     * PERMIT-RENEWAL-DEADLINE: the last day to apply is expiry - 60 days and there is no earliest day; a later
     * request is not a renewal (refused, or a new application as configured).
     */
    @Test
    void permitRenewalDeadlineIsTheLastDayAndThereIsNoEarliestDay() {
        Permit issued = issued();
        assertThat(issued.renewalKind(LocalDate.of(2026, 3, 11), RULES)).isEqualTo(ApplicationKind.RENEWAL);
        assertThat(issued.renewalKind(LocalDate.of(2030, 6, 1), RULES)).isEqualTo(ApplicationKind.RENEWAL);
        assertThat(issued.renewalKind(LocalDate.of(2031, 1, 8), RULES)).isEqualTo(ApplicationKind.RENEWAL);
        violates(() -> issued.renewalKind(LocalDate.of(2031, 1, 9), RULES), "renewal-deadline-passed", "permit",
                "the last day to apply for renewal was 2031-01-08 (the permit ends 2031-03-09); apply for a new "
                        + "permit instead");
        PermitRules lenient = new PermitRules(new PermitProperties(3,
                Map.of(PermitClass.SIMPLIFIED, 5, PermitClass.KEY, 10), 15, 4, 5, 60,
                PermitProperties.LateRenewal.NEW_APPLICATION, List.of(30, 15, 5), "001P", Map.of(), 10, 3),
                new WorkingDayCalendar(List.of(new HolidaySchedule(2026, "none", List.of(), Set.of()))));
        assertThat(issued.renewalKind(LocalDate.of(2031, 1, 9), lenient)).isEqualTo(ApplicationKind.NEW);
        Permit expired = issued.expire(LocalDate.of(2031, 3, 10), null, T1).orElseThrow().permit();
        refused(() -> expired.renewalKind(LocalDate.of(2031, 3, 10), RULES),
                "cannot renew permit " + ID + " while it is EXPIRED");
    }

    @Test
    void aChangeMadeOnAnotherVersionIsRefused() {
        Permit submitted = submitted();
        submitted.requireVersion(2);
        assertThatThrownBy(() -> submitted.requireVersion(1))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("stale-version"))
                .hasMessage("permit " + ID + " was changed by someone else; reload it and apply your change again");
    }

    @Test
    void anApplicationIsOverdueWhileUnderReviewAfterItsDecisionDay() {
        Permit accepted = accepted();
        LocalDate due = accepted.review().decisionDue();
        assertThat(accepted.isOverdue(due)).isFalse();
        assertThat(accepted.isOverdue(due.plusDays(1))).isTrue();
        assertThat(issued().isOverdue(due.plusDays(1))).isFalse();
    }

    @Test
    void aPermitIssuedElsewhereIsMovedInIssued() {
        LocalDate from = LocalDate.of(2023, 6, 1);
        Transition imported = Permit.imported(ID, CODE, "n", "大洼区", PermitClass.KEY, CONTENT, null, null, NUMBER,
                from, RULES, T0);
        assertThat(imported.permit().status()).isEqualTo(PermitStatus.ISSUED);
        assertThat(imported.permit().version()).isEqualTo(1);
        assertThat(imported.permit().validity()).isEqualTo(new Permit.Validity(NUMBER, from,
                LocalDate.of(2028, 5, 31)));
        assertThat(imported.event()).isEqualTo(new PermitIssued(ID, CODE, NUMBER, PermitClass.KEY,
                ApplicationKind.NEW, from, LocalDate.of(2028, 5, 31)));
    }
}
