package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of readings, either one JSON array or newline-delimited JSON objects, with a streaming parser (a
 * batch holds tens of thousands of readings, so no tree is built). A reading that is not well-formed is rejected
 * with its index; the rest of the batch is kept. A body that is not JSON at all fails as a whole.
 */
final class ReadingBatchParser {

    record Parsed(List<Reading> readings, List<Rejection> rejections, int received) {
    }

    private ReadingBatchParser() {
    }

    static Parsed parse(JsonMapper json, byte[] body) {
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<Reading.Series, Reading.Series> series = new HashMap<>();
        int index = 0;
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            while (token != null && token != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    rejections.add(new Rejection(index, "malformed", "a reading must be a JSON object"));
                } else {
                    readObject(parser, index, readings, rejections, series);
                }
                index++;
                token = parser.nextToken();
            }
            if (array && token == JsonToken.END_ARRAY && parser.nextToken() != null) {
                throw new MalformedBatch("unexpected content after the array");
            }
        } catch (JacksonException e) {
            throw new MalformedBatch("the body is not a JSON array or NDJSON of readings: "
                    + e.getOriginalMessage());
        }
        return new Parsed(readings, rejections, index);
    }

    private static void readObject(JsonParser parser, int index, List<Reading> readings,
                                   List<Rejection> rejections, Map<Reading.Series, Reading.Series> series) {
        String enterprise = null;
        String outlet = null;
        String pollutant = null;
        String timestamp = null;
        Double concentration = null;
        Double flow = null;
        DataFlag flag = DataFlag.NORMAL;
        String problem = null;
        String problemMessage = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "enterprise", "enterpriseCode" -> enterprise = text(parser, value);
                case "outlet" -> outlet = text(parser, value);
                case "pollutant" -> pollutant = text(parser, value);
                case "timestamp", "measuredAt" -> timestamp = text(parser, value);
                case "flag" -> {
                    String code = text(parser, value);
                    DataFlag parsed = code == null ? null : DataFlag.parse(code);
                    if (parsed == null) {
                        if (value != JsonToken.VALUE_NULL && problem == null) {
                            problem = "bad-flag";
                            problemMessage = "flag must be one of N, F, M, C, D, B (HJ 212 style)";
                        }
                    } else {
                        flag = parsed;
                    }
                }
                case "concentration", "flow" -> {
                    Double number = number(parser, value);
                    if (number == null && value != JsonToken.VALUE_NULL && problem == null) {
                        problem = "not-a-number";
                        problemMessage = name + " must be a finite, non-negative number";
                    }
                    if (name.equals("concentration")) {
                        concentration = number;
                    } else {
                        flow = number;
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedBatch("reading " + index + " is not a complete object");
        }
        if (problem == null && (enterprise == null || outlet == null || pollutant == null || timestamp == null
                || concentration == null)) {
            problem = "missing-field";
            problemMessage = "enterprise, outlet, pollutant, timestamp and concentration are required";
        }
        Instant measuredAt = null;
        if (problem == null) {
            measuredAt = IsoInstant.parse(timestamp);
            if (measuredAt == null) {
                // Another ISO shape: stored from the parsed instant, not as sent.
                measuredAt = instant(timestamp);
                timestamp = null;
            }
            if (measuredAt == null) {
                problem = "bad-timestamp";
                problemMessage = "timestamp must be ISO-8601 with an offset, e.g. 2026-11-28T10:00:00+08:00";
            }
        }
        if (problem != null) {
            rejections.add(new Rejection(index, problem, problemMessage));
            return;
        }
        Reading.Series key = new Reading.Series(enterprise, outlet, pollutant);
        Reading.Series shared = series.putIfAbsent(key, key);
        readings.add(new Reading(index, shared == null ? key : shared, measuredAt, concentration, flow, timestamp,
                flag));
    }

    /** ISO-8601 with an offset; seconds may be left out ({@code 2026-11-28T10:00+08:00}). */
    static Instant instant(String text) {
        Instant fast = IsoInstant.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notEither) {
                return null;
            }
        }
    }

    private static String text(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    /** A finite, non-negative JSON number; anything else (strings, NaN, objects) is not a measurement. */
    private static Double number(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            double number = parser.getDoubleValue();
            return Double.isFinite(number) && number >= 0 ? number : null;
        }
        parser.skipChildren();
        return null;
    }

    /** The body as a whole cannot be read as readings. */
    static final class MalformedBatch extends RuntimeException {
        MalformedBatch(String message) {
            super(message);
        }
    }
}
