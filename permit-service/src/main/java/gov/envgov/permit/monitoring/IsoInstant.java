package gov.envgov.permit.monitoring;

import java.time.Instant;

/**
 * A parser for the one timestamp shape analysers send, {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±HH:mm)}, about
 * much faster than {@link Instant#parse} (which builds a general formatter's parse state per call). Anything
 * else answers null, and the caller falls back to the general parser.
 */
final class IsoInstant {

    private IsoInstant() {
    }

    static Instant parse(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (n < 19) {
                return null;
            }
            second = digits(s, 17, 2);
            i = 19;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                int fraction = 0;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    if (i - start < 9) {
                        fraction = fraction * 10 + (s.charAt(i) - '0');
                    }
                    i++;
                }
                int length = Math.min(9, i - start);
                if (length == 0) {
                    return null;
                }
                for (int k = length; k < 9; k++) {
                    fraction *= 10;
                }
                nanos = fraction;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            // PostgreSQL takes offsets up to 15:59; anything beyond goes the general way.
            if (hours < 0 || minutes < 0 || hours > 15 || minutes > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second
                - offsetSeconds, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The number written with exactly {@code count} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
