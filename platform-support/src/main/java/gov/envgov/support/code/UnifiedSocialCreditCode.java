package gov.envgov.support.code;

import java.util.regex.Pattern;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that identifies every enterprise and
 * organisation. The last character is a check character over the first 17, modulo 31.
 */
public final class UnifiedSocialCreditCode {

    /** The 31 characters the standard allows: digits and capitals without I, O, S, V, Z. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private UnifiedSocialCreditCode() {
    }

    public static boolean isValid(String code) {
        return code != null && SHAPE.matcher(code).matches() && checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a code body has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not allowed in a credit code");
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** Completes a 17-character body with its check character. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }
}
