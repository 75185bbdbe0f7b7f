package gov.envgov.complaint.complaint;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;

/**
 * Who may see a complaint and who acts for a unit. A complaint the reader may not see answers as if it did not
 * exist, so that its existence does not leak.
 */
public final class ComplaintAccess {

    private ComplaintAccess() {
    }

    /** Operators and admins see every complaint, a filer their own, a handler those dispatched to their unit. */
    public static boolean mayRead(Complaint complaint, CurrentUser reader) {
        if (reader.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN) || complaint.filedBy(reader.subject())) {
            return true;
        }
        return isHandler(reader) && reader.department() != null
                && reader.department().equals(complaint.handling().unit());
    }

    /** The signed-in complainant themself; an operator who entered a caller's complaint is not the complainant. */
    public static boolean isComplainant(Complaint complaint, CurrentUser reader) {
        return complaint.filedBy(reader.subject()) && complaint.channel() != Channel.HOTLINE;
    }

    /** A handler of a unit, and nothing more: operators and admins who also handle see the whole line. */
    public static boolean isHandler(CurrentUser user) {
        return user.hasRole(Roles.COMPLAINT_HANDLER) && !user.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN);
    }

    /** Whose complaints a reader lists: their own, or everyone's (null) for operators and admins. */
    public static @Nullable String listedFiledBy(CurrentUser reader) {
        return reader.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN) ? null : reader.subject();
    }

    /** The unit a handler acts for; an account without one acts for none. */
    public static String requireUnit(CurrentUser handler) {
        String unit = handler.department();
        if (unit == null) {
            throw new DomainException.Forbidden("your account names no handling unit");
        }
        return unit;
    }
}
