package gov.envgov.enforcement.positivelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.envgov.enforcement.clue.ClueSource;

/** The positive list's rules with the shipped numbers. */
class PositiveListRulesTest {

    static final PositiveListRules RULES = new PositiveListRules(new PositiveListProperties(2, 3,
            List.of(ClueSource.COMPLAINT, ClueSource.MONITORING_EXCEEDANCE), List.of(ClueSource.REPORT_OVERDUE),
            List.of("KEY"), List.of("JC-ONLINE-MONITORING"), 2, 500));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static UnitRecord unit(String managementClass, LocalDate penalty, LocalDate incident, LocalDate report,
                           LocalDate passed, LocalDate failed) {
        return new UnitRecord("91211103MA0GA0001Y", managementClass, penalty, incident, report, passed, failed);
    }

    @Test
    void enfPositiveListRulesNoPenaltyIncidentOrMissingReportInTwoYearsAndMonitoringConnected() {
        assertThat(RULES.assess(unit("SIMPLIFIED", null, null, null, null, null), TODAY).qualifies()).isTrue();
        assertThat(RULES.assess(unit("SIMPLIFIED", LocalDate.of(2025, 1, 5), LocalDate.of(2026, 3, 1),
                LocalDate.of(2025, 7, 1), null, null), TODAY).broken())
                .containsExactly("penalty", "incident", "report");
        // Two years to the day: the penalty of 1 Dec 2024 no longer counts on 1 Dec 2026.
        assertThat(RULES.assess(unit("SIMPLIFIED", LocalDate.of(2024, 12, 1), null, null, null, null), TODAY)
                .qualifies()).isTrue();
        assertThat(RULES.assess(unit("SIMPLIFIED", LocalDate.of(2024, 12, 2), null, null, null, null), TODAY)
                .broken()).containsExactly("penalty");
        assertThat(RULES.assess(unit("KEY", null, null, null, null, null), TODAY).broken())
                .containsExactly("monitoring");
        assertThat(RULES.assess(unit("KEY", null, null, null, LocalDate.of(2026, 5, 1), null), TODAY).qualifies())
                .isTrue();
        assertThat(RULES.assess(unit("KEY", null, null, null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1)),
                TODAY).broken()).containsExactly("monitoring");
        assertThat(RULES.assess(unit("KEY", null, null, null, LocalDate.of(2024, 11, 30), null), TODAY).broken())
                .containsExactly("monitoring");
    }

    @Test
    void enfPositiveListTermListedForThreeYearsThenAssessedAgain() {
        var clean = RULES.assess(unit("SIMPLIFIED", null, null, null, null, null), TODAY);
        assertThat(RULES.decide(null, clean, TODAY)).isEqualTo(PositiveListRules.Change.LIST);
        assertThat(RULES.listedUntil(TODAY)).isEqualTo(LocalDate.of(2029, 11, 30));
        PositiveListEntry listed = new PositiveListEntry("x", TODAY, RULES.listedUntil(TODAY), null, null);
        assertThat(RULES.decide(listed, clean, LocalDate.of(2029, 11, 30))).isEqualTo(PositiveListRules.Change.NONE);
        assertThat(RULES.decide(listed, clean, LocalDate.of(2029, 12, 1))).isEqualTo(PositiveListRules.Change.RENEW);
        PositiveListEntry removed = new PositiveListEntry("x", TODAY, RULES.listedUntil(TODAY),
                LocalDate.of(2027, 1, 1), "penalty");
        assertThat(RULES.decide(removed, clean, LocalDate.of(2029, 1, 2))).isEqualTo(PositiveListRules.Change.LIST);
    }

    @Test
    void enfPositiveListRemovalAtOnceWhenARuleBreaks() {
        PositiveListEntry listed = new PositiveListEntry("x", TODAY, RULES.listedUntil(TODAY), null, null);
        var penalised = RULES.assess(unit("SIMPLIFIED", TODAY, null, null, null, null), TODAY);
        assertThat(RULES.decide(listed, penalised, TODAY)).isEqualTo(PositiveListRules.Change.REMOVE);
        assertThat(RULES.decide(null, penalised, TODAY)).isEqualTo(PositiveListRules.Change.NONE);
        PositiveListEntry removed = new PositiveListEntry("x", TODAY, RULES.listedUntil(TODAY), TODAY, "penalty");
        assertThat(RULES.decide(removed, penalised, TODAY)).isEqualTo(PositiveListRules.Change.NONE);
    }
}
