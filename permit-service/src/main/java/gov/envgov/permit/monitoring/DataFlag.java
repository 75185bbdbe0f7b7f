package gov.envgov.permit.monitoring;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The analyser's data flag of a reading, HJ 212 style codes (B). Only {@link #NORMAL} data is valid for means and
 * exceedance episodes; flagged readings are stored but left out (PERMIT-COMPLIANCE-ON-MEANS).
 */
public enum DataFlag {
    /** N: normal operation, valid data. */
    NORMAL("N"),
    /** F: start-up or shutdown of the installation (停运/启停). */
    START_STOP("F"),
    /** M: maintenance of the analyser. */
    MAINTENANCE("M"),
    /** C: calibration. */
    CALIBRATION("C"),
    /** D: analyser fault. */
    FAULT("D"),
    /** B: communication loss (data reconstructed or late). */
    COMMUNICATION_LOSS("B");

    private final String code;

    DataFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isValid() {
        return this == NORMAL;
    }

    /** A flag by its HJ 212 code or its name, case-insensitive; null when it is neither. */
    static @Nullable DataFlag parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (DataFlag flag : values()) {
            if (flag.code.equals(upper) || flag.name().equals(upper)) {
                return flag;
            }
        }
        return null;
    }

    static DataFlag ofCode(String code) {
        DataFlag flag = parse(code);
        if (flag == null) {
            throw new IllegalArgumentException("unknown data flag " + code);
        }
        return flag;
    }
}
