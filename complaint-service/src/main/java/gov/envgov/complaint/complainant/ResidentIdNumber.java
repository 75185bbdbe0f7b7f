package gov.envgov.complaint.complainant;

import org.jspecify.annotations.Nullable;

/** The 18-character PRC resident identity number (GB 11643-1999): the last character checks the first 17, mod 11. */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdNumber() {
    }

    public static boolean isValid(@Nullable String number) {
        if (number == null || !number.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == number.charAt(17);
    }
}
