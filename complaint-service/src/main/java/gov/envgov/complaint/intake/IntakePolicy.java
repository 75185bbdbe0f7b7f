package gov.envgov.complaint.intake;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complainant.ResidentIdNumber;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.enterprise.KnownEnterprise;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;

/**
 * The rules of intake (DOMAIN.md § Complaints), with their numbers from configuration: who may register through
 * which channel, what an anonymous complaint may carry, what a registration must name, and when its answer is due.
 * Decides without I/O; a refusal is a {@link DomainException.RuleViolation} naming the offending field.
 */
public final class IntakePolicy {

    private final Map<ComplaintType, Integer> workingDays;
    private final int ceilingDays;
    private final Set<String> districts;
    private final WorkingDayCalendar calendar;

    /**
     * @param workingDays time limit per complaint type, in working days
     * @param ceilingDays the hard ceiling of a time limit in calendar days, which also bounds a letter's day of
     *                    receipt
     * @param districts   the names of the city's districts
     * @param calendar    the bureau's working days
     */
    public IntakePolicy(Map<ComplaintType, Integer> workingDays, int ceilingDays, Set<String> districts,
                        WorkingDayCalendar calendar) {
        this.workingDays = Map.copyOf(workingDays);
        this.ceilingDays = ceilingDays;
        this.districts = Set.copyOf(districts);
        this.calendar = calendar;
    }

    /**
     * One registration for every channel: operators enter phone calls (the default) and letters; citizens file on
     * the web (the default) or from the app.
     */
    public Channel channelFor(@Nullable Channel requested, CurrentUser filer) {
        boolean operator = filer.hasRole(Roles.HOTLINE_OPERATOR);
        Channel channel = requested != null ? requested : operator ? Channel.HOTLINE : Channel.WEB;
        boolean allowed = operator ? channel == Channel.HOTLINE || channel == Channel.LETTER
                : channel == Channel.WEB || channel == Channel.APP;
        if (!allowed) {
            throw new DomainException.RuleViolation("channel-not-allowed", "channel",
                    "complaints from this account cannot be registered as " + channel);
        }
        return channel;
    }

    /** An anonymous complaint comes through the web and carries no identity: nobody could be called back. */
    public void checkAnonymous(@Nullable Channel requested, @Nullable Complainant complainant) {
        if (requested != null && requested != Channel.WEB) {
            throw new DomainException.RuleViolation("channel-not-allowed", "channel",
                    "anonymous complaints come through the web");
        }
        if (complainant != null && complainant.hasAnyData()) {
            throw new DomainException.RuleViolation("anonymous-with-identity", "complainant",
                    "an anonymous complaint carries no identity; sign in to leave contact data");
        }
    }

    /**
     * What every registration must satisfy: a district of this city; a day of receipt only for a letter, and at
     * most the ceiling ago; a resident ID number whose check character matches.
     */
    public void check(String district, @Nullable LocalDate receivedOn, @Nullable Complainant complainant,
                      Channel channel, LocalDate today) {
        if (!districts.contains(district)) {
            throw new DomainException.RuleViolation("unknown-district", "district",
                    "'" + district + "' is not a district of this city");
        }
        if (receivedOn != null && (channel != Channel.LETTER || receivedOn.isBefore(today.minusDays(ceilingDays)))) {
            throw new DomainException.RuleViolation("received-on", "receivedOn",
                    "only a letter has a day of receipt, at most " + ceilingDays + " days ago");
        }
        if (complainant != null && complainant.idNumber() != null
                && !ResidentIdNumber.isValid(complainant.idNumber())) {
            throw new DomainException.RuleViolation("invalid-id-number", "complainant.idNumber",
                    "the resident ID number's check character does not match");
        }
    }

    /** A complaint that names an enterprise names one the registry knows; {@code found} is the registry's answer. */
    public Optional<KnownEnterprise> knownEnterprise(@Nullable String enterpriseCode,
                                                     Optional<KnownEnterprise> found) {
        if (enterpriseCode != null && found.isEmpty()) {
            throw new DomainException.RuleViolation("unknown-enterprise", "enterpriseCode",
                    "no registered enterprise has the code " + enterpriseCode);
        }
        return found;
    }

    /** The time limit of the type in working days, from the day of receipt (a letter's) or else of filing. */
    public LocalDate dueDate(ComplaintType type, LocalDate filedOn, @Nullable LocalDate receivedOn) {
        return calendar.plusWorkingDays(receivedOn == null ? filedOn : receivedOn, workingDays.get(type));
    }
}
