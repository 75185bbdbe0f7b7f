package gov.envgov.enforcement.disclosure;

import java.util.regex.Pattern;

/**
 * What a published decision may not show (政府信息公开, DOMAIN.md § Enforcement): resident ID numbers, bank account
 * numbers and mobile numbers of natural persons are masked wherever they appear in the text; a natural person as
 * party is not named. Pure; ENF-PUBLISH-REDACTION.
 */
public final class Redaction {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("(?<!\\d)(\\d{4})\\d{8,15}(\\d{4})(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private Redaction() {
    }

    public static String text(String text) {
        if (text == null) {
            return "";
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("[身份证号已隐去]");
        masked = BANK_ACCOUNT.matcher(masked).replaceAll("$1********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    /** The party as published: an organisation by its credit code, a natural person not at all. */
    public static String party(boolean naturalPerson, String enterpriseCode) {
        return naturalPerson ? "个人（依法隐去）" : enterpriseCode;
    }
}
