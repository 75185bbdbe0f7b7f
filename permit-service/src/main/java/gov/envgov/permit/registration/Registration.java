package gov.envgov.permit.registration;

import java.time.Instant;
import java.time.LocalDate;

import gov.envgov.support.events.PublishedEvent;

/**
 * One filed version of a registration form. Effective on filing; a re-filing after a change is due within the
 * configured days of the change and is marked late after that.
 */
public record Registration(String enterpriseCode, int version, String number, RegistrationForm form,
                           LocalDate changedOn, LocalDate refilingDue, boolean late, String filedBy,
                           Instant filedAt) {

    public static Registration file(String enterpriseCode, int version, String number, RegistrationForm form,
                                    LocalDate changedOn, int refilingDays, LocalDate today, String by, Instant now) {
        LocalDate due = changedOn == null ? null : changedOn.plusDays(refilingDays);
        return new Registration(enterpriseCode, version, number, form, changedOn, due,
                due != null && today.isAfter(due), by, now);
    }

    public RegistrationFiled event() {
        return new RegistrationFiled(enterpriseCode, number, version, late);
    }

    /** A registration form was filed (version 1) or re-filed; it is effective now. */
    public record RegistrationFiled(String enterpriseCode, String number, int version, boolean late)
            implements PublishedEvent {

        @Override
        public String aggregateType() {
            return "Enterprise";
        }

        @Override
        public String aggregateId() {
            return enterpriseCode;
        }
    }
}
