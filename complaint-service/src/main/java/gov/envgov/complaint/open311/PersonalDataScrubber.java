package gov.envgov.complaint.open311;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from text the public feed shows: e-mail addresses, resident ID numbers, phone numbers
 * (with dashes, spaces, dots or brackets, a +86 prefix, in full-width digits, or in Chinese numerals) and licence
 * plates. Full-width digits, letters and the signs numbers are written with are read as their ASCII forms first, so
 * they are caught like ASCII ones (Chinese punctuation such as {@code ，} is left as it is). Dates
 * (2026-12-01) are left alone. Names cannot be recognised reliably and are not detected: descriptions are public
 * only with the filer's consent.
 */
final class PersonalDataScrubber {

    static final String EMAIL_MASK = "[邮箱已隐藏]";
    static final String ID_MASK = "[证件号已隐藏]";
    static final String PHONE_MASK = "[电话已隐藏]";
    static final String PLATE_MASK = "[车牌已隐藏]";

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*[A-Za-z0-9\\-]+(?:\\s*\\.\\s*[A-Za-z0-9\\-]+)+");
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9])[1-9][0-9]{5}[\\s-]?(?:18|19|20)[0-9]{2}[\\s-]?[0-9]{2}[\\s-]?[0-9]{2}[\\s-]?[0-9]{3}[0-9Xx]"
                    + "(?![0-9])|(?<![0-9])[1-9][0-9]{14}(?![0-9])");
    /** Seven or more digits with separators between them: mobile, landline with area code, +86. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(?:\\+\\s?86[\\s-]?)?[0-9](?:[\\s\\-.()（）]*[0-9]){6,}");
    private static final Pattern CHINESE_DIGITS = Pattern.compile("[零〇一二三四五六七八九幺两]{7,}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}");
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z]\\s?[·•.]?\\s?[A-Za-z0-9]{5,6}"
                    + "(?![A-Za-z0-9])");

    private PersonalDataScrubber() {
    }

    static String scrub(String text) {
        String out = fold(text);
        out = EMAIL.matcher(out).replaceAll(EMAIL_MASK);
        out = ID_NUMBER.matcher(out).replaceAll(ID_MASK);
        out = PLATE.matcher(out).replaceAll(PLATE_MASK);
        out = phones(out);
        return CHINESE_DIGITS.matcher(out).replaceAll(PHONE_MASK);
    }

    private static String phones(String text) {
        Matcher phone = PHONE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (phone.find()) {
            String found = phone.group().strip();
            boolean date = DATE.matcher(found).matches();
            phone.appendReplacement(out, Matcher.quoteReplacement(date ? phone.group() : PHONE_MASK));
        }
        phone.appendTail(out);
        return out.toString();
    }

    /** Full-width ASCII forms (U+FF01–FF5E, whose digits, letters, ＠ ． － （ ） ＋) and the ideographic space. */
    private static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean foldable = c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A'
                    || c >= '\uFF41' && c <= '\uFF5A' || "＠．－（）＋".indexOf(c) >= 0;
            out.append(c == '\u3000' ? ' ' : foldable ? (char) (c - 0xFEE0) : c);
        }
        return out.toString();
    }
}
