package gov.envgov.enforcement.casefile;

import static gov.envgov.enforcement.casefile.CaseFixtures.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

/** The clocks of the procedure, across National Day and the Spring Festival with their make-up Saturdays. */
class CaseRulesTest {

    @Test
    void enfCaseHearingRequestFiveWorkingDaysAcrossNationalDayAndItsMakeUpSaturday() {
        // Notice on Wed 30 Sep 2026; 1–7 Oct are holidays; Sat 10 Oct is a working day.
        assertThat(RULES.hearingRequestDue(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void enfCaseHearingNoticeSevenWorkingDaysAhead() {
        assertThat(RULES.earliestHearing(LocalDate.of(2026, 9, 29))).isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @Test
    void enfCaseServiceSevenWorkingDaysAcrossTheSpringFestival() {
        // Decided Fri 13 Feb 2026: Sat 14 Feb and Sat 28 Feb are make-up working days, 15–23 Feb holidays.
        assertThat(RULES.serviceDue(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void enfCasePaymentFifteenCalendarDaysAndEnfCaseDecisionPeriodNinetyDays() {
        assertThat(RULES.paymentDue(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(RULES.decisionDue(LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void enfCaseLateSurchargeThreePercentADayCappedAtTheFine() {
        BigDecimal fine = new BigDecimal("100000");
        LocalDate due = LocalDate.of(2026, 3, 17);
        assertThat(RULES.surcharge(fine, due, due)).isEqualByComparingTo("0");
        assertThat(RULES.surcharge(fine, due, LocalDate.of(2026, 3, 20))).isEqualByComparingTo("9000");
        assertThat(RULES.surcharge(fine, due, LocalDate.of(2026, 5, 1))).isEqualByComparingTo("100000");
    }

    @Test
    void enfCaseHearingRightAtLeastTheThreshold() {
        assertThat(RULES.hearingRight(PartyKind.ORGANISATION, new BigDecimal("200000"))).isTrue();
        assertThat(RULES.hearingRight(PartyKind.ORGANISATION, new BigDecimal("199999.99"))).isFalse();
        assertThat(RULES.hearingRight(PartyKind.INDIVIDUAL, new BigDecimal("5000"))).isTrue();
        assertThat(RULES.hearingRight(PartyKind.INDIVIDUAL, new BigDecimal("4999"))).isFalse();
    }

    @Test
    void enfCaseSimpleUpToThreeThousandForOrganisationsAndTwoHundredForIndividuals() {
        assertThat(RULES.simpleProcedureApplies(PartyKind.ORGANISATION, new BigDecimal("3000"))).isTrue();
        assertThat(RULES.simpleProcedureApplies(PartyKind.ORGANISATION, new BigDecimal("3000.01"))).isFalse();
        assertThat(RULES.simpleProcedureApplies(PartyKind.INDIVIDUAL, new BigDecimal("200"))).isTrue();
        assertThat(RULES.simpleProcedureApplies(PartyKind.INDIVIDUAL, new BigDecimal("201"))).isFalse();
    }

    @Test
    void enfCaseLimitationTwoYearsOrFiveWithHarm() {
        CaseFacts late = new CaseFacts(UUID.randomUUID(), "X", PartyKind.ORGANISATION, "V", "B", false,
                LocalDate.of(2026, 9, 2), LocalDate.of(2024, 9, 1), false, false);
        assertThatThrownBy(() -> RULES.requireWithinLimitation(late)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("more than 2 years");
        CaseFacts lastDay = new CaseFacts(UUID.randomUUID(), "X", PartyKind.ORGANISATION, "V", "B", false,
                LocalDate.of(2026, 9, 1), LocalDate.of(2024, 9, 1), false, false);
        RULES.requireWithinLimitation(lastDay);
        CaseFacts harm = new CaseFacts(UUID.randomUUID(), "X", PartyKind.ORGANISATION, "V", "B", false,
                LocalDate.of(2026, 9, 2), LocalDate.of(2022, 9, 1), true, false);
        RULES.requireWithinLimitation(harm);
    }

    @Test
    void enfCaseTwoInvestigatorsDistinct() {
        assertThatThrownBy(() -> RULES.requireInvestigators(List.of("inspector1", "inspector1")))
                .isInstanceOf(DomainException.RuleViolation.class);
        RULES.requireInvestigators(List.of("inspector1", "inspector2"));
    }
}
