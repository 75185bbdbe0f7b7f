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

    public LocalDate decisionDue(Permit permit, LocalDate from, boolean siteCheck) {
        int days;
        if (siteCheck) {
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

    public LocalDate renewalWindowOpens(LocalDate validTo) {
        return validTo.minusDays(properties.renewalWindowDays());
    }

    /** The reminder threshold reached and not yet sent, the closest to the end when several were missed. */
    public Optional<Integer> reminderDue(LocalDate validTo, LocalDate today, Integer alreadyReminded) {
        long daysLeft = ChronoUnit.DAYS.between(today, validTo);
        if (daysLeft < 0) {
            return Optional.empty();
        }
        return properties.expiryReminderDays().stream()
                .filter(days -> daysLeft <= days)
                .filter(days -> alreadyReminded == null || days < alreadyReminded)
                .min(Comparator.naturalOrder());
    }

    public int furthestReminderDays() {
        return properties.expiryReminderDays().stream().max(Comparator.naturalOrder()).orElse(0);
    }

    public int closestReminderDays() {
        return properties.expiryReminderDays().stream().min(Comparator.naturalOrder()).orElse(0);
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
