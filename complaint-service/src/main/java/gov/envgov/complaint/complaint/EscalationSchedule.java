package gov.envgov.complaint.complaint;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.PeriodicRun;

/**
 * Runs the escalation of overdue complaints at the configured interval on every replica; the service makes sure
 * only one replica escalates at a time and no complaint escalates twice.
 */
@Component
class EscalationSchedule extends PeriodicRun {

    EscalationSchedule(ComplaintService service, ComplaintProperties properties) {
        super("escalation of overdue complaints", properties.escalation().interval(),
                properties.escalation().interval(), service::escalateOverdue);
    }
}
