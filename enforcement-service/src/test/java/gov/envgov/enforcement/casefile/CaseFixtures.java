package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;

/** The shipped numbers and the real holiday calendar, for the case tests. */
final class CaseFixtures {

    static final CaseProperties PROPERTIES = new CaseProperties(15, 5, 7, 7, 90, 15, new BigDecimal("3"),
            new BigDecimal("200000"), new BigDecimal("5000"), new BigDecimal("3000"), new BigDecimal("200"), 2, 5,
            List.of(PenaltyKind.QUALIFICATION_LOWERED, PenaltyKind.PERMIT_REVOCATION,
                    PenaltyKind.PRODUCTION_RESTRICTED, PenaltyKind.PRODUCTION_SUSPENDED, PenaltyKind.CLOSURE),
            30, 2, 60, 6, 10, 3, "盘环罚〔%d〕%d号");
    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml")));
    static final CaseRules RULES = new CaseRules(PROPERTIES, CALENDAR);

    private CaseFixtures() {
    }

    static CaseFacts facts(boolean major) {
        return new CaseFacts(UUID.randomUUID(), "91211103MA0GA0001Y", PartyKind.ORGANISATION, "OVER_LIMIT_DISCHARGE",
                "大气污染防治法 第九十九条", false, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 28), false, major);
    }
}
