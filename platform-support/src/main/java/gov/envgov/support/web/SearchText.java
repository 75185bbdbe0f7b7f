package gov.envgov.support.web;

/** Turns a user's search text into SQL LIKE patterns, with the pattern characters escaped. */
public final class SearchText {

    private SearchText() {
    }

    /** Case-insensitive "contains" against a lower-cased column. */
    public static String contains(String text) {
        String escaped = text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Prefix of an upper-case code (credit codes, permit numbers). */
    public static String codePrefix(String text) {
        return text.strip().toUpperCase().replace("%", "").replace("_", "") + "%";
    }
}
