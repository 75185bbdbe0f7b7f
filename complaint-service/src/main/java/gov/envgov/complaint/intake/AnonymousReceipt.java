package gov.envgov.complaint.intake;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complaint.ComplaintStatus;

/** What an anonymous filer gets back: the code and the secret to follow the complaint. Shown once, never again. */
public record AnonymousReceipt(String trackingCode, String secret, ComplaintStatus status,
                               @Nullable LocalDate dueDate) {
}
