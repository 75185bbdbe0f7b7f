package gov.envgov.permit.permit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;

import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/** Deadlines and windows of the permit rules, counted in working days on the bureau's calendar. */
@Component
public class PermitRules {

    private final PermitProperties properties;
    private final WorkingDayCalendar calendar;

    public PermitRules(PermitProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    public LocalDate completenessDue(LocalDate submittedOn) {
        return calendar.plusWorkingDays(submittedOn, properties.completenessWorkingDays());
    }

    /**
     * The decision's last day. The longer limit for a site check applies only to a key unit's new application that
     * needs one (条例 Art 12); simplified units and renewals keep theirs even when a site check is made.
     */
    public LocalDate decisionDue(Permit permit, LocalDate from, boolean siteCheck) {
        int days;
        if (siteCheck && permit.permitClass() == PermitClass.KEY && permit.kind() != ApplicationKind.RENEWAL) {
            days = properties.siteCheckWorkingDays();
        } else if (permit.kind() == ApplicationKind.RENEWAL) {
            days = properties.renewalWorkingDays();
        } else {
            days = properties.decisionWorkingDays().get(permit.permitClass());
        }
        return calendar.plusWorkingDays(from, days);
    }

    public LocalDate validTo(LocalDate validFrom) {
        return validFrom.plusYears(properties.validityYears()).minusDays(1);
    }

    /** The last day to apply for the renewal of a permit valid to {@code validTo} (条例 Art 14: 届满60日前). */
    public LocalDate renewalLastDay(LocalDate validTo) {
        return validTo.minusDays(properties.renewalDeadlineDays());
    }

    public int renewalDeadlineDays() {
        return properties.renewalDeadlineDays();
    }

    public PermitProperties.LateRenewal lateRenewal() {
        return properties.lateRenewal();
    }

    /**
     * The reminder threshold reached and not yet sent, the closest to the last day to apply for renewal when
     * several were missed; none once that day has passed.
     */
    public Optional<Integer> reminderDue(LocalDate validTo, LocalDate today, Integer alreadyReminded) {
        long daysLeft = ChronoUnit.DAYS.between(today, renewalLastDay(validTo));
        if (daysLeft < 0) {
            return Optional.empty();
        }
        return properties.renewalReminderDays().stream()
                .filter(days -> daysLeft <= days)
                .filter(days -> alreadyReminded == null || days < alreadyReminded)
                .min(Comparator.naturalOrder());
    }

    public int furthestReminderDays() {
        return properties.renewalReminderDays().stream().max(Comparator.naturalOrder()).orElse(0);
    }

    public int closestReminderDays() {
        return properties.renewalReminderDays().stream().min(Comparator.naturalOrder()).orElse(0);
    }

    /**
     * PERMIT-REAPPLICATION-BAN: after 撤销 or 吊销 on {@code endedOn} no new permit for the configured years (B).
     */
    public void requireNoReapplicationBan(LocalDate endedOn, LocalDate today) {
        LocalDate free = endedOn.plusYears(properties.reapplicationBanYears());
        if (today.isBefore(free)) {
            throw new DomainException.RuleViolation("reapplication-banned", "enterpriseCode",
                    "a permit of this enterprise was revoked or withdrawn on " + endedOn
                            + "; no new permit may be applied for before " + free);
        }
    }

    public String numberFor(String enterpriseCode) {
        return enterpriseCode + properties.numberSuffix();
    }

    /** The citation for ending a permit, checked to exist, to apply today and to justify this kind of end. */
    public String legalBasis(String id, PermitStatus how, LocalDate today) {
        PermitProperties.LegalBasis basis = properties.legalBases().get(id);
        if (basis == null) {
            throw new DomainException.RuleViolation("unknown-legal-basis", "legalBasis",
                    "no legal basis '" + id + "'; known: " + String.join(", ", properties.legalBases().keySet()));
        }
        if (!basis.justifies().contains(how)) {
            throw new DomainException.RuleViolation("legal-basis-does-not-apply", "legalBasis",
                    basis.citation() + " does not justify " + how);
        }
        if (!basis.appliesOn(today)) {
            throw new DomainException.RuleViolation("legal-basis-not-in-force", "legalBasis",
                    basis.citation() + " is not in force on " + today);
        }
        return basis.citation();
    }
}
