package gov.envgov.complaint.complaint;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Tracking codes a complainant can quote on the phone: the filing date and eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 10^12 codes per day, so guessing one is hopeless.
 */
@Component
class TrackingCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random = new SecureRandom();

    String next(LocalDate day) {
        StringBuilder code = new StringBuilder("HB").append(DAY.format(day)).append('-');
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
