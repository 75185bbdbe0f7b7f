package gov.envgov.permit.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.permit.enterprise.GeoPoint;
import gov.envgov.permit.permit.ApplicationKind;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitClass;
import gov.envgov.permit.permit.PermitContent;
import gov.envgov.permit.permit.PermitEvent.PermitChangeRejected;
import gov.envgov.permit.permit.PermitEvent.PermitChangeRequested;
import gov.envgov.permit.permit.PermitEvent.PermitChanged;
import gov.envgov.permit.permit.PermitProperties;
import gov.envgov.permit.permit.PermitRules;
import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.support.calendar.HolidaySchedule;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

class ChangeRequestTest {

    private static final UUID PERMIT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final String CODE = "91211104MA0GB00028";
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant T1 = T0.plusSeconds(86_400);
    private static final Instant T2 = T1.plusSeconds(86_400);

    private static final PermitRules RULES = new PermitRules(new PermitProperties(3,
            Map.of(PermitClass.SIMPLIFIED, 5, PermitClass.KEY, 10), 15, 4, 5, 60, PermitProperties.LateRenewal.REFUSE,
            List.of(30, 15, 5), "001P", Map.of(), 10, 3),
            new WorkingDayCalendar(List.of(new HolidaySchedule(2027, "none", List.of(), Set.of()))));

    private static PermitContent content(double so2Limit) {
        return new PermitContent("环评批复", List.of(new PermitContent.Outlet("DA001", "排口", new GeoPoint(122.0, 41.0),
                "有组织", "大气", List.of(new PermitContent.PermittedPollutant("二氧化硫",
                        new PermitContent.Concentration(so2Limit, "mg/m3", "GB 13271-2014"), 12.0)))),
                List.of(), Set.of());
    }

    /** An issued permit at version 4 (drafted, submitted, accepted, issued). */
    private static Permit issued() {
        Permit draft = Permit.draft(PERMIT, CODE, "大洼红海滩食品有限公司", "大洼区", PermitClass.SIMPLIFIED,
                ApplicationKind.NEW, null, content(50), "示范路1号", "李明", T0);
        LocalDate monday = LocalDate.of(2027, 3, 1);
        Permit accepted = draft.submit(monday, RULES, T0).permit().accept(monday, RULES, T0).permit();
        return accepted.issue(CODE + "001P", monday, RULES, null, T0).permit();
    }

    private static PermitChange lower(long version) {
        return new PermitChange("盘锦红海滩食品股份有限公司", "新地址", "赵强", content(35), version);
    }

    private static ChangeRequest pending() {
        return ChangeRequest.request(REQUEST, issued(), lower(4), "ent-b", T1).request();
    }

    @Test
    void aHolderAppliesForAChangeThatWaitsForAReviewer() {
        ChangeRequest.Requested requested = ChangeRequest.request(REQUEST, issued(), lower(4), "ent-b", T1);
        assertThat(requested.request()).isEqualTo(new ChangeRequest(REQUEST, PERMIT, lower(4),
                ChangeRequestStatus.PENDING, "ent-b", T1, null, null, null));
        assertThat(requested.event()).isEqualTo(new PermitChangeRequested(PERMIT, CODE, REQUEST));
    }

    @Test
    void aChangeThatAllowsMoreIsRefusedWhenItIsAppliedFor() {
        PermitChange higher = new PermitChange("n", null, null, content(80), 4);
        assertThatThrownBy(() -> ChangeRequest.request(REQUEST, issued(), higher, "ent-b", T1))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("new-application-required");
                    assertThat(violation.field()).isEqualTo("content");
                });
    }

    private static PermitContent outletAs(GeoPoint location, String mode, String destination) {
        return new PermitContent("环评批复", List.of(new PermitContent.Outlet("DA001", "排口", location, mode,
                destination, List.of(new PermitContent.PermittedPollutant("二氧化硫",
                        new PermitContent.Concentration(50.0, "mg/m3", "GB 13271-2014"), 12.0)))),
                List.of(), Set.of());
    }

    /** PERMIT-CHANGE-SCOPE: moving an outlet or changing its discharge mode or destination needs a new application. */
    @Test
    void permitChangeScopeMovingAnOutletOrChangingModeOrDestinationIsRefused() {
        for (PermitContent moved : List.of(outletAs(new GeoPoint(122.1, 41.0), "有组织", "大气"),
                outletAs(new GeoPoint(122.0, 41.0), "无组织", "大气"),
                outletAs(new GeoPoint(122.0, 41.0), "有组织", "辽河"))) {
            assertThatThrownBy(() -> ChangeRequest.request(REQUEST, issued(),
                    new PermitChange("n", null, null, moved, 4), "ent-b", T1))
                    .isInstanceOfSatisfying(DomainException.RuleViolation.class, violation -> {
                        assertThat(violation.code()).isEqualTo("new-application-required");
                        assertThat(violation.field()).isEqualTo("content");
                    }).hasMessageContaining("at DA001");
        }
        // The same outlet as before is an administrative change.
        assertThat(ChangeRequest.request(REQUEST, issued(), new PermitChange("n", null, null,
                outletAs(new GeoPoint(122.0, 41.0), "有组织", "大气"), 4), "ent-b", T1).request().status())
                .isEqualTo(ChangeRequestStatus.PENDING);
    }

    /** PERMIT-CHANGE-FILING: applied for more than 30 days after the change, a change is flagged late, not refused. */
    @Test
    void permitChangeFilingLateChangesAreFlaggedNotRefused() {
        LocalDate today = LocalDate.of(2027, 4, 30);
        PermitChange inTime = new PermitChange("n", null, null, content(50), 4, LocalDate.of(2027, 3, 31), null)
                .filedOn(today, 30);
        assertThat(inTime.late()).isFalse();
        PermitChange late = new PermitChange("n", null, null, content(50), 4, LocalDate.of(2027, 3, 30), null)
                .filedOn(today, 30);
        assertThat(late.late()).isTrue();
        assertThat(ChangeRequest.request(REQUEST, issued(), late, "ent-b", T1).request().change().late()).isTrue();
        assertThat(lower(4).filedOn(today, 30).late()).isNull();
        assertThatThrownBy(() -> new PermitChange("n", null, null, content(50), 4, LocalDate.of(2027, 5, 1), null)
                .filedOn(today, 30)).isInstanceOfSatisfying(DomainException.RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo("change-date-in-future"));
    }

    @Test
    void aChangeMadeOnAnOlderVersionOfThePermitIsRefused() {
        assertThatThrownBy(() -> ChangeRequest.request(REQUEST, issued(), lower(3), "ent-b", T1))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("stale-version"));
    }

    @Test
    void onlyAnIssuedPermitCanBeChanged() {
        Permit revoked = issued().end(PermitStatus.REVOKED, "r", "b", T0).permit();
        assertThatThrownBy(() -> ChangeRequest.request(REQUEST, revoked, lower(5), "ent-b", T1))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("invalid-transition"));
    }

    @Test
    void anApprovalDecidesTheRequestAndChangesThePermit() {
        ChangeRequest.Approved approved = pending().approve(issued(), "reviewer1", T2);
        assertThat(approved.request()).isEqualTo(new ChangeRequest(REQUEST, PERMIT, lower(4),
                ChangeRequestStatus.APPROVED, "ent-b", T1, "reviewer1", T2, null));
        Permit changed = approved.change().permit();
        assertThat(changed.holderName()).isEqualTo("盘锦红海滩食品股份有限公司");
        assertThat(changed.address()).isEqualTo("新地址");
        assertThat(changed.legalRepresentative()).isEqualTo("赵强");
        assertThat(changed.content()).isEqualTo(content(35));
        assertThat(changed.version()).isEqualTo(5);
        assertThat(approved.change().event()).isEqualTo(new PermitChanged(PERMIT, CODE, CODE + "001P", 5));
    }

    @Test
    void anApprovalAfterThePermitChangedMeanwhileIsRefused() {
        Permit changedMeanwhile = issued().change("别名", null, null, content(50), T1).permit();
        assertThatThrownBy(() -> pending().approve(changedMeanwhile, "reviewer1", T2))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("stale-version"));
    }

    @Test
    void aRejectionDecidesTheRequestWithItsReasonAndLeavesThePermitAlone() {
        ChangeRequest.Rejected rejected = pending().reject(issued(), "未提供工商登记证明", "reviewer1", T2);
        assertThat(rejected.request()).isEqualTo(new ChangeRequest(REQUEST, PERMIT, lower(4),
                ChangeRequestStatus.REJECTED, "ent-b", T1, "reviewer1", T2, "未提供工商登记证明"));
        assertThat(rejected.event()).isEqualTo(new PermitChangeRejected(PERMIT, CODE, REQUEST, "未提供工商登记证明"));
    }

    @Test
    void aDecidedRequestIsNotDecidedAgain() {
        ChangeRequest approved = pending().approve(issued(), "reviewer1", T2).request();
        ChangeRequest rejected = pending().reject(issued(), "no", "reviewer1", T2).request();
        assertThatThrownBy(() -> approved.reject(issued(), "no", "reviewer2", T2))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("change-decided"))
                .hasMessage("cannot reject change request " + approved.id() + " of permit " + approved.permitId()
                        + ": it is APPROVED already");
        assertThatThrownBy(() -> rejected.approve(issued(), "reviewer2", T2))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("change-decided"))
                .hasMessage("cannot approve change request " + rejected.id() + " of permit " + rejected.permitId()
                        + ": it is REJECTED already");
    }

    @Test
    void aRequestIsDecidedOnlyAgainstItsOwnPermit() {
        Permit other = Permit.draft(UUID.randomUUID(), CODE, "n", "大洼区", PermitClass.SIMPLIFIED,
                ApplicationKind.NEW, null, content(50), null, null, T0);
        assertThatThrownBy(() -> pending().approve(other, "reviewer1", T2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
