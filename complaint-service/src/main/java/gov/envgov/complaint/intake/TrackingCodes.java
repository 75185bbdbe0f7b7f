package gov.envgov.complaint.intake;

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

    /** A secret for an anonymous filer: 20 characters of the same alphabet, about 98 bits. */
    String secret() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    static String hash(String secret) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Compares in constant time, so response timing tells nothing about how close a guess was. */
    static boolean matches(String secret, String storedHash) {
        return java.security.MessageDigest.isEqual(hash(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                storedHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    String next(LocalDate day) {
        StringBuilder code = new StringBuilder("HB").append(DAY.format(day)).append('-');
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
