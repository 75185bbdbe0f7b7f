package gov.envgov.support.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Control characters (NUL and the other C0 characters but tab, line feed and carriage return) have no place in any
 * text a client sends us: PostgreSQL refuses NUL in text, and the others only hide content from the people who read
 * it. One definition for every place that checks: query parameters, path variables, headers, form fields and the
 * string fields of JSON bodies (ERR-CONTROL-CHARS).
 */
public final class ControlCharacters {

    /** What a client is told a field accepts. */
    public static final String MESSAGE = "must not contain control characters (only tab, line feed and carriage return"
            + " are allowed)";

    private ControlCharacters() {
    }

    public static boolean present(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Every JSON string a service reads goes through this check: a field's value, a list's element, a map's value. */
    public static JacksonModule jacksonModule() {
        return new SimpleModule("envgov-control-characters").addDeserializer(String.class, new Checked());
    }

    /** A string with a control character in a JSON body; Jackson adds the field's path as it unwinds. */
    public static final class Rejected extends MismatchedInputException {

        Rejected(JsonParser parser) {
            super(parser, "control character in a text", String.class);
        }
    }

    private static final class Checked extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && present(value)) {
                throw new Rejected(parser);
            }
            return value;
        }
    }
}
