package gov.envgov.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.enterprise.KnownEnterprise;
import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;

/** Each intake rule on its own, with the numbers of application.yml and the holiday calendar of 2026. */
class IntakePolicyTest {

    private static final LocalDate THURSDAY_BEFORE_SPRING_FESTIVAL = LocalDate.of(2026, 2, 12);
    private static final String ENTERPRISE = "91211103MA0GA0001Y";
    private static final IntakePolicy POLICY = new IntakePolicy(
            Map.of(ComplaintType.CONSULTATION, 2, ComplaintType.HELP, 10, ComplaintType.COMPLAINT, 15,
                    ComplaintType.EMERGENCY, 15),
            60, Set.of("兴隆台区", "大洼区"),
            new WorkingDayCalendar(HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml"))));
    private static final CurrentUser CITIZEN = new CurrentUser("citizen-1", "citizen1", Set.of("citizen"), null,
            null, null);
    private static final CurrentUser OPERATOR = new CurrentUser("operator-1", "operator1",
            Set.of("hotline_operator"), null, null, null);

    private static void assertRefused(ThrowingCallable rule, String code, String field) {
        assertThatThrownBy(rule).isInstanceOfSatisfying(DomainException.RuleViolation.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
    }

    @Test
    void citizensFileOnTheWebByDefaultOrFromTheAppButNeverAsAHotlineCallOrALetter() {
        assertThat(POLICY.channelFor(null, CITIZEN)).isEqualTo(Channel.WEB);
        assertThat(POLICY.channelFor(Channel.APP, CITIZEN)).isEqualTo(Channel.APP);
        assertRefused(() -> POLICY.channelFor(Channel.HOTLINE, CITIZEN), "channel-not-allowed", "channel");
        assertRefused(() -> POLICY.channelFor(Channel.LETTER, CITIZEN), "channel-not-allowed", "channel");
        assertRefused(() -> POLICY.channelFor(Channel.OPEN311, CITIZEN), "channel-not-allowed", "channel");
    }

    @Test
    void operatorsEnterPhoneCallsByDefaultAndLettersButNotWebComplaints() {
        assertThat(POLICY.channelFor(null, OPERATOR)).isEqualTo(Channel.HOTLINE);
        assertThat(POLICY.channelFor(Channel.LETTER, OPERATOR)).isEqualTo(Channel.LETTER);
        assertRefused(() -> POLICY.channelFor(Channel.WEB, OPERATOR), "channel-not-allowed", "channel");
        assertRefused(() -> POLICY.channelFor(Channel.APP, OPERATOR), "channel-not-allowed", "channel");
    }

    @Test
    void anAnonymousComplaintComesThroughTheWebAndCarriesNoIdentity() {
        assertThatCode(() -> POLICY.checkAnonymous(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.checkAnonymous(Channel.WEB, new Complainant(null, null, null)))
                .doesNotThrowAnyException();
        assertRefused(() -> POLICY.checkAnonymous(Channel.APP, null), "channel-not-allowed", "channel");
        assertRefused(() -> POLICY.checkAnonymous(null, new Complainant(null, "13812345678", null)),
                "anonymous-with-identity", "complainant");
    }

    @Test
    void theDistrictMustBeOneOfTheCitys() {
        assertThatCode(() -> POLICY.check("大洼区", null, null, Channel.WEB, THURSDAY_BEFORE_SPRING_FESTIVAL))
                .doesNotThrowAnyException();
        assertRefused(() -> POLICY.check("海淀区", null, null, Channel.WEB, THURSDAY_BEFORE_SPRING_FESTIVAL),
                "unknown-district", "district");
    }

    @Test
    void onlyALetterHasADayOfReceiptAndAtMostTheCeilingAgo() {
        LocalDate sixtyDaysAgo = THURSDAY_BEFORE_SPRING_FESTIVAL.minusDays(60);
        assertThatCode(() -> POLICY.check("兴隆台区", sixtyDaysAgo, null, Channel.LETTER,
                THURSDAY_BEFORE_SPRING_FESTIVAL)).doesNotThrowAnyException();
        assertRefused(() -> POLICY.check("兴隆台区", sixtyDaysAgo.minusDays(1), null, Channel.LETTER,
                THURSDAY_BEFORE_SPRING_FESTIVAL), "received-on", "receivedOn");
        assertRefused(() -> POLICY.check("兴隆台区", THURSDAY_BEFORE_SPRING_FESTIVAL, null, Channel.WEB,
                THURSDAY_BEFORE_SPRING_FESTIVAL), "received-on", "receivedOn");
    }

    @Test
    void aResidentIdNumberMustHaveTheRightCheckCharacter() {
        assertThatCode(() -> POLICY.check("兴隆台区", null, new Complainant("张三", null, "11010519491231002X"),
                Channel.WEB, THURSDAY_BEFORE_SPRING_FESTIVAL)).doesNotThrowAnyException();
        assertRefused(() -> POLICY.check("兴隆台区", null, new Complainant("张三", null, "110105194912310021"),
                Channel.WEB, THURSDAY_BEFORE_SPRING_FESTIVAL), "invalid-id-number", "complainant.idNumber");
    }

    @Test
    void aNamedEnterpriseMustBeOneTheRegistryKnows() {
        KnownEnterprise known = new KnownEnterprise(ENTERPRISE, "盘锦辽河石化有限公司", "兴隆台区", 1);
        assertThat(POLICY.knownEnterprise(ENTERPRISE, Optional.of(known))).contains(known);
        assertThat(POLICY.knownEnterprise(null, Optional.empty())).isEmpty();
        assertRefused(() -> POLICY.knownEnterprise(ENTERPRISE, Optional.empty()), "unknown-enterprise",
                "enterpriseCode");
    }

    @Test
    void theDueDateIsTheTypesWorkingDaysAcrossTheSpringFestivalAndItsMakeUpDays() {
        // +1 Fri 13, +2 Sat 14 (a make-up working day).
        assertThat(POLICY.dueDate(ComplaintType.CONSULTATION, THURSDAY_BEFORE_SPRING_FESTIVAL, null))
                .isEqualTo(LocalDate.of(2026, 2, 14));
        // 13, 14, then 24–27, 28 (make-up), 2–6 Mar, 9–11 Mar.
        assertThat(POLICY.dueDate(ComplaintType.COMPLAINT, THURSDAY_BEFORE_SPRING_FESTIVAL, null))
                .isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void aLettersClockRunsFromTheDayItArrived() {
        // 10 working days from Mon 26 Jan: 27 Jan … 6 Feb, then 9 Feb.
        assertThat(POLICY.dueDate(ComplaintType.HELP, THURSDAY_BEFORE_SPRING_FESTIVAL, LocalDate.of(2026, 1, 26)))
                .isEqualTo(LocalDate.of(2026, 2, 9));
    }
}
