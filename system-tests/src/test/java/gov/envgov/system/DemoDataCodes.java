package gov.envgov.system;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid credit codes that the demo data does not use (a prefix no generated code has). */
final class DemoDataCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.currentTimeMillis() % 50_000));

    private DemoDataCodes() {
    }

    static String fresh() {
        return complete(String.format("92211122PT%07d", NEXT.incrementAndGet()));
    }

    /** Appends the GB 32100 check character to the first 17 characters. */
    static String complete(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return body + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
