package gov.envgov.complaint.complaint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.domain.DomainException;

/**
 * A place in a work queue: the order key of the complaint a page ended with. The next page starts after it
 * (keyset), so complaints that leave or join the queue meanwhile neither shift nor repeat what follows, and a deep
 * page costs what the first does. Clients pass it back as the opaque {@code after} of the next request.
 *
 * @param priority the operators' order puts emergencies (0) before the rest (1); a unit's queue ignores it
 * @param dueDate  null sorts after every due date, as in the queue's order
 */
public record QueueCursor(int priority, @Nullable LocalDate dueDate, Instant registeredAt, UUID id) {

    private static final String SEPARATOR = ",";

    public String encode() {
        String key = priority + SEPARATOR + (dueDate == null ? "" : dueDate) + SEPARATOR + registeredAt
                + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The place a client passed back; anything but a {@code next} of a queue page is refused. */
    public static QueueCursor decode(String encoded) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            if (key.length != 4) {
                throw new IllegalArgumentException("a queue position has four parts");
            }
            return new QueueCursor(Integer.parseInt(key[0]), key[1].isEmpty() ? null : LocalDate.parse(key[1]),
                    Instant.parse(key[2]), UUID.fromString(key[3]));
        } catch (RuntimeException notACursor) {
            throw new DomainException.RuleViolation("invalid-cursor", "after",
                    "after is not a place in a queue: pass the next of the page before");
        }
    }
}
