package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/**
 * The rules and clocks of the case procedure, with the numbers from {@link CaseProperties} and the working-day
 * calendar. Pure: plain unit tests exercise every rule, across holidays with make-up days.
 */
public final class CaseRules {

    private final CaseProperties properties;
    private final WorkingDayCalendar calendar;

    public CaseRules(CaseProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** ENF-CASE-LIMITATION: a case is filed only within 2 years (5 with harm) of the violation's end, to discovery. */
    public void requireWithinLimitation(CaseFacts facts) {
        int years = facts.harmToLife() ? properties.limitationYearsHarm() : properties.limitationYears();
        if (facts.discoveredOn().isAfter(facts.violationEndedOn().plusYears(years))) {
            throw new DomainException.RuleViolation("limitation-expired", "violationEndedOn", "the violation ended on "
                    + facts.violationEndedOn() + ", more than " + years + " years before it was discovered on "
                    + facts.discoveredOn() + ": it can no longer be penalised (行政处罚法 Art 36)");
        }
        if (facts.discoveredOn().isBefore(facts.violationEndedOn())) {
            throw new DomainException.RuleViolation("discovered-before-end", "discoveredOn",
                    "a violation is discovered on or after the day it ended (or, continuing, the day it is found)");
        }
    }

    /** ENF-CASE-TWO-INVESTIGATORS: at least two distinct investigators (行政处罚法 Art 42). */
    public void requireInvestigators(List<String> investigators) {
        if (investigators.stream().distinct().count() < 2) {
            throw new DomainException.RuleViolation("two-investigators", "investigators",
                    "a case is investigated by at least two inspectors: name two different ones");
        }
    }

    /** ENF-CASE-HEARING-RIGHT: a fine of at least the threshold (organisation ¥200,000, individual ¥5,000). */
    public boolean hearingRight(PartyKind party, BigDecimal proposedFine) {
        BigDecimal threshold = party == PartyKind.ORGANISATION ? properties.hearingThresholdOrganisation()
                : properties.hearingThresholdIndividual();
        return proposedFine.compareTo(threshold) >= 0;
    }

    /**
     * ENF-CASE-HEARING-RIGHT and ENF-CASE-REVOCATION: a fine of at least the threshold, or a proposed kind of
     * penalty that always gives the right (吊销 of the permit, 停产停业, 关闭 …).
     */
    public boolean hearingRight(PartyKind party, BigDecimal proposedFine, List<PenaltyKind> proposedKinds) {
        return hearingRight(party, proposedFine)
                || proposedKinds.stream().anyMatch(properties.hearingKinds()::contains);
    }

    /** ENF-CASE-HEARING-REQUEST: within 5 working days of the notice. */
    public LocalDate hearingRequestDue(LocalDate noticeServedOn) {
        return calendar.plusWorkingDays(noticeServedOn, properties.hearingRequestWorkingDays());
    }

    /** ENF-CASE-HEARING-NOTICE: the hearing is notified at least 7 working days ahead. */
    public LocalDate earliestHearing(LocalDate notifiedOn) {
        return calendar.plusWorkingDays(notifiedOn, properties.hearingNoticeWorkingDays());
    }

    /** ENF-CASE-DECISION-PERIOD: a decision within 90 days of filing; a hearing's days do not count. */
    public LocalDate decisionDue(LocalDate filedOn) {
        return filedOn.plusDays(properties.decisionDays());
    }

    /** ENF-CASE-DECISION-EXTENSION: one extension adds 30 days; two at most, the second decided collectively. */
    public int decisionExtensionDays() {
        return properties.decisionExtensionDays();
    }

    public int decisionExtensions() {
        return properties.decisionExtensions();
    }

    /**
     * ENF-CASE-FORCED-EXECUTION: the day after both the review period (60 days) and the lawsuit period (6 months)
     * after service have run out; a written demand (催告) comes no earlier (行政强制法 Art 53).
     */
    public LocalDate earliestDemand(LocalDate servedOn) {
        LocalDate reviewEnds = servedOn.plusDays(properties.reviewDays());
        LocalDate lawsuitEnds = servedOn.plusMonths(properties.lawsuitMonths());
        return (reviewEnds.isAfter(lawsuitEnds) ? reviewEnds : lawsuitEnds).plusDays(1);
    }

    /** ENF-CASE-FORCED-EXECUTION: a demand gives at least 10 days to pay (行政强制法 Art 35, 54). */
    public void requireDemandPeriod(int days) {
        if (days < properties.demandMinDays()) {
            throw new DomainException.RuleViolation("demand-period-too-short", "periodDays", "a written demand"
                    + " gives at least " + properties.demandMinDays() + " days to pay");
        }
    }

    /** ENF-CASE-FORCED-EXECUTION: the court is applied to within 3 months after the periods ran out. */
    public LocalDate courtApplicationDue(LocalDate servedOn) {
        return earliestDemand(servedOn).minusDays(1).plusMonths(properties.courtApplicationMonths());
    }

    /** The decision number of the year's {@code count}th decision, e.g. 盘环罚〔2026〕12号. */
    public String decisionNumber(int year, int count) {
        return String.format(properties.decisionNumberFormat(), year, count);
    }

    /** ENF-CASE-SERVICE: a decision is served within 7 working days. */
    public LocalDate serviceDue(LocalDate decidedOn) {
        return calendar.plusWorkingDays(decidedOn, properties.serviceWorkingDays());
    }

    /** ENF-CASE-PAYMENT: a fine is paid within 15 calendar days of service. */
    public LocalDate paymentDue(LocalDate servedOn) {
        return servedOn.plusDays(properties.paymentDays());
    }

    /** ENF-CASE-LATE-SURCHARGE: 3 % of the fine per day late, never more than the fine (行政处罚法 Art 72). */
    public BigDecimal surcharge(BigDecimal fine, LocalDate paymentDue, LocalDate paidOn) {
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(paymentDue, paidOn));
        BigDecimal surcharge = fine.multiply(properties.lateSurchargePercentPerDay())
                .multiply(BigDecimal.valueOf(daysLate)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return surcharge.min(fine);
    }

    /** ENF-CASE-SIMPLE: the simple procedure covers fines up to ¥3,000 for organisations and ¥200 for individuals. */
    public boolean simpleProcedureApplies(PartyKind party, BigDecimal fine) {
        BigDecimal limit = party == PartyKind.ORGANISATION ? properties.simpleProcedureOrganisation()
                : properties.simpleProcedureIndividual();
        return fine.compareTo(limit) <= 0;
    }
}
