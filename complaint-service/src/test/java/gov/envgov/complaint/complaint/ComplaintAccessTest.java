package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;

class ComplaintAccessTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final String XLT = "兴隆台区生态环境分局";

    private static CurrentUser user(String subject, String department, String... roles) {
        return new CurrentUser(subject, subject, Set.of(roles), null, null, department);
    }

    private static Complaint filedBy(String subject, Channel channel) {
        return Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", subject, channel,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", null, null,
                        null), NOW, LocalDate.of(2026, 3, 23)).complaint();
    }

    @Test
    void aCitizenSeesTheirOwnComplaintAndNoOneElses() {
        Complaint complaint = filedBy("citizen-1", Channel.WEB);
        assertThat(ComplaintAccess.mayRead(complaint, user("citizen-1", null, "citizen"))).isTrue();
        assertThat(ComplaintAccess.mayRead(complaint, user("citizen-2", null, "citizen"))).isFalse();
    }

    @Test
    void operatorsAndAdminsSeeEveryComplaint() {
        Complaint complaint = filedBy("citizen-1", Channel.WEB);
        assertThat(ComplaintAccess.mayRead(complaint, user("operator1", null, "hotline_operator"))).isTrue();
        assertThat(ComplaintAccess.mayRead(complaint, user("admin1", null, "admin"))).isTrue();
    }

    @Test
    void aHandlerSeesOnlyWhatIsDispatchedToTheirUnit() {
        Complaint registered = filedBy("citizen-1", Channel.WEB);
        Complaint dispatched = registered.dispatch(XLT, NOW).complaint();
        CurrentUser xlt = user("handler-xlt", XLT, "complaint_handler");
        assertThat(ComplaintAccess.mayRead(registered, xlt)).isFalse();
        assertThat(ComplaintAccess.mayRead(dispatched, xlt)).isTrue();
        assertThat(ComplaintAccess.mayRead(dispatched, user("handler-dw", "大洼区生态环境分局", "complaint_handler")))
                .isFalse();
        assertThat(ComplaintAccess.mayRead(dispatched, user("handler-none", null, "complaint_handler"))).isFalse();
    }

    @Test
    void anEnterpriseSeesNoComplaint() {
        Complaint complaint = filedBy("citizen-1", Channel.WEB).dispatch(XLT, NOW).complaint();
        assertThat(ComplaintAccess.mayRead(complaint, user("ent-a", null, "enterprise"))).isFalse();
    }

    @Test
    void theOperatorWhoEnteredACallIsNotTheComplainant() {
        assertThat(ComplaintAccess.isComplainant(filedBy("citizen-1", Channel.WEB), user("citizen-1", null)))
                .isTrue();
        assertThat(ComplaintAccess.isComplainant(filedBy("operator1", Channel.HOTLINE), user("operator1", null)))
                .isFalse();
    }

    @Test
    void citizensListTheirOwnAndOperatorsEveryonesAndOnlyPureHandlersWorkAsAUnit() {
        assertThat(ComplaintAccess.listedFiledBy(user("citizen-1", null, "citizen"))).isEqualTo("citizen-1");
        assertThat(ComplaintAccess.listedFiledBy(user("operator1", null, "hotline_operator"))).isNull();
        assertThat(ComplaintAccess.isHandler(user("handler-xlt", XLT, "complaint_handler"))).isTrue();
        assertThat(ComplaintAccess.isHandler(user("admin1", XLT, "complaint_handler", "admin"))).isFalse();
    }

    @Test
    void aHandlerActsForTheUnitTheirAccountNames() {
        assertThat(ComplaintAccess.requireUnit(user("handler-xlt", XLT, "complaint_handler"))).isEqualTo(XLT);
        assertThatThrownBy(() -> ComplaintAccess.requireUnit(user("handler-none", null, "complaint_handler")))
                .isInstanceOf(DomainException.Forbidden.class);
    }
}
