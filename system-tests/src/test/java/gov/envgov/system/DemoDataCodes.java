package gov.envgov.system;

import java.util.concurrent.atomic.AtomicInteger;

import gov.envgov.support.code.UnifiedSocialCreditCode;

/** Fresh, valid credit codes that the demo data does not use (a prefix no generated code has). */
final class DemoDataCodes {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.currentTimeMillis() % 50_000));

    private DemoDataCodes() {
    }

    static String fresh() {
        return complete(String.format("92211122PT%07d", NEXT.incrementAndGet()));
    }

    /** Appends the GB 32100 check character to the first 17 characters. */
    static String complete(String body) {
        return UnifiedSocialCreditCode.complete(body);
    }
}
