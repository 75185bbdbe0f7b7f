package gov.envgov.complaint.complainant;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who complained: personal data under Environmental Protection Law art. 57. Stored encrypted, shown masked to
 * handlers, revealed only to staff who must call back (and each reveal is audited), never to the enterprise complained
 * about, never in events, public or Open311 output, or logs.
 */
public record Complainant(@Size(max = 50) @Pattern(regexp = "^[^<>&\"\\p{Cntrl}]*$",
                                  message = "must be a name without markup or control characters")
                          @Nullable String name,
                          @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number")
                          @Nullable String phone,
                          @Pattern(regexp = "^[0-9]{17}[0-9X]$", message = "must be an 18-character resident ID number")
                          @Nullable String idNumber,
                          @Size(max = 100) @Email(regexp = "^[^<>&\"\\s@]+@[^<>&\"\\s@]+\\.[^<>&\"\\s@]+$",
                                  message = "must be an e-mail address")
                          @Nullable String email) {

    /** Without an e-mail address: what the hotline and the REST intake usually take. */
    public Complainant(@Nullable String name, @Nullable String phone, @Nullable String idNumber) {
        this(name, phone, idNumber, null);
    }

    /** What a handler sees: enough to recognise a repeat caller, not enough to identify one. */
    public Complainant masked() {
        return new Complainant(maskName(name), maskMiddle(phone, 3, 4), maskMiddle(idNumber, 4, 4),
                maskEmail(email));
    }

    /** Whether any identity was given at all (not named like a getter, so it is no JSON property). */
    public boolean hasAnyData() {
        return name != null || phone != null || idNumber != null || email != null;
    }

    @Override
    public String toString() {
        // Records print their fields; personal data must never reach a log line by accident.
        return "Complainant[redacted]";
    }

    static @Nullable String maskName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }

    static @Nullable String maskMiddle(@Nullable String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }

    static @Nullable String maskEmail(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "*".repeat(email.length()) : email.charAt(0) + "***" + email.substring(at);
    }
}
