package gov.envgov.portal.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Form fields as the services' APIs take them. An empty field is left out (null), so the service names what is
 * missing; a value that is not what the API expects (a number typed as text) is passed as typed, so the service's
 * refusal names the field and what it accepts. The portal itself judges nothing.
 */
public final class FormFields {

    private FormFields() {
    }

    /** The text, trimmed; null when the field is empty. */
    public static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A decimal number (an amount, a concentration, a coordinate); the text itself when it is not one. */
    public static @Nullable Object number(@Nullable String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /** A whole number (a year); the text itself when it is not one. */
    public static @Nullable Object whole(@Nullable String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /** One entry per non-empty line (documents of the evidence, say). */
    public static List<String> lines(@Nullable String value) {
        List<String> lines = new ArrayList<>();
        if (value != null) {
            for (String line : value.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        }
        return lines;
    }
}
