package gov.envgov.complaint.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the work queues answer ({@code envgov.complaint.queue}).
 *
 * @param exactTotalUpTo a queue's total is counted exactly up to this many complaints, reading no more; a longer
 *                       queue answers the database's estimate and says so
 */
@ConfigurationProperties("envgov.complaint.queue")
public record QueueProperties(@DefaultValue("1000") long exactTotalUpTo) {

    public QueueProperties {
        if (exactTotalUpTo < 0) {
            throw new IllegalArgumentException("envgov.complaint.queue.exact-total-up-to must not be negative");
        }
    }
}
