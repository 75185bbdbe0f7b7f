package gov.envgov.complaint.complaint;

import java.time.LocalDate;

/** What an anonymous filer gets back: the code and the secret to follow the complaint. Shown once, never again. */
public record AnonymousReceipt(String trackingCode, String secret, ComplaintStatus status, LocalDate dueDate) {
}
