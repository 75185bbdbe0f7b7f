package gov.envgov.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.complaint.EscalationLevel;
import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;

/** The clock's rules with the numbers of application.yml and the holiday calendar of 2026. */
class SlaRulesTest {

    private static final Instant THURSDAY_BEFORE_SPRING_FESTIVAL = Instant.parse("2026-02-12T02:00:00Z");
    private static final String UNIT = "兴隆台区生态环境分局";
    private static final SlaRules RULES = new SlaRules(new ComplaintProperties.Escalation(1, 3, 5, 500), 60, 30,
            Duration.ofHours(1),
            new WorkingDayCalendar(HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml"))));

    private static Complaint dueOn(LocalDate dueDate) {
        return Complaint.register(UUID.randomUUID(), "HB20260212-ABCDEFGH", "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.WATER, "河道出现大片油污", "兴隆台区", null, null,
                        null), THURSDAY_BEFORE_SPRING_FESTIVAL, dueDate).complaint();
    }

    @Test
    void escalationStepsFollowTheConfiguredWorkingDaysPastDue() {
        assertThat(RULES.levelFor(0)).isEqualTo(EscalationLevel.NONE);
        assertThat(RULES.levelFor(1)).isEqualTo(EscalationLevel.REMINDER);
        assertThat(RULES.levelFor(4)).isEqualTo(EscalationLevel.SUPERVISION);
        assertThat(RULES.levelFor(9)).isEqualTo(EscalationLevel.PUBLIC_NOTICE);
    }

    @Test
    void overdueWorkingDaysLeaveOutWeekendsAndHolidays() {
        Complaint due = dueOn(LocalDate.of(2026, 3, 11));
        assertThat(RULES.levelOf(due, LocalDate.of(2026, 3, 12))).isEqualTo(EscalationLevel.REMINDER);
        // Thu 12, Fri 13, Mon 16: three working days past the due date.
        assertThat(RULES.levelOf(due, LocalDate.of(2026, 3, 16))).isEqualTo(EscalationLevel.SUPERVISION);
        assertThat(RULES.levelOf(due, LocalDate.of(2026, 3, 18))).isEqualTo(EscalationLevel.PUBLIC_NOTICE);
    }

    @Test
    void anEmergencyNotDispatchedWithinTheHourGoesStraightToSupervision() {
        assertThat(RULES.emergencyDispatchDeadline(THURSDAY_BEFORE_SPRING_FESTIVAL))
                .isEqualTo(Instant.parse("2026-02-12T01:00:00Z"));
        assertThat(RULES.undispatchedEmergencyLevel()).isEqualTo(EscalationLevel.SUPERVISION);
    }

    @Test
    void aPauseMovesTheDueDateByTheWorkingDaysTheClockStoodStill() {
        Complaint accepted = dueOn(LocalDate.of(2026, 3, 11)).dispatch(UNIT, THURSDAY_BEFORE_SPRING_FESTIVAL)
                .complaint().accept(UNIT, THURSDAY_BEFORE_SPRING_FESTIVAL).complaint();
        Complaint paused = accepted.pause(UNIT, LocalDate.of(2026, 2, 12), THURSDAY_BEFORE_SPRING_FESTIVAL)
                .complaint();
        // 13, 14 (make-up), 24–27, 28 (make-up), 2 Mar: 8 working days; 11 Mar + 8 = 23 Mar.
        LocalDate start = LocalDate.of(2026, 2, 12);
        assertThat(RULES.resumedDueDate(paused, LocalDate.of(2026, 3, 2), start))
                .isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(RULES.stoodStill(paused, LocalDate.of(2026, 3, 2))).isEqualTo(8);
        assertThat(RULES.resumedDueDate(accepted, LocalDate.of(2026, 3, 2), start))
                .isEqualTo(LocalDate.of(2026, 3, 11));
    }

    /** CMP-CEILING-FROM-RECEIPT: a long pause moves the due date no further than 60 days from receipt. */
    @Test
    void cmpCeilingFromReceiptBindsPausesToo() {
        Complaint paused = dueOn(LocalDate.of(2026, 3, 11)).dispatch(UNIT, THURSDAY_BEFORE_SPRING_FESTIVAL)
                .complaint().accept(UNIT, THURSDAY_BEFORE_SPRING_FESTIVAL).complaint()
                .pause(UNIT, LocalDate.of(2026, 2, 12), THURSDAY_BEFORE_SPRING_FESTIVAL).complaint();
        // Paused from 12 Feb to 1 June: without the ceiling the due date would move into July.
        assertThat(RULES.resumedDueDate(paused, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 2, 12)))
                .isEqualTo(LocalDate.of(2026, 4, 13));
        // A letter that arrived on 2 Feb: its ceiling counts from then, not from its registration.
        assertThat(RULES.resumedDueDate(paused, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 2, 2)))
                .isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void anExtensionGoesNoFurtherThanTheCeilingPlusTheExtensionCeilingFromReceipt() {
        assertThat(RULES.latestExtension(LocalDate.of(2026, 2, 12))).isEqualTo(LocalDate.of(2026, 5, 13));
    }
}
