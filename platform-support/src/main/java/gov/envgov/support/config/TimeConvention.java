package gov.envgov.support.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * One convention for every time an API answers (API-TIME-CONVENTION): ISO 8601 with the bureau's offset, whole
 * seconds, or milliseconds when the time has them ({@code 2026-04-01T09:30:00+08:00},
 * {@code 2026-04-01T09:30:00.250+08:00}); never UTC with nanoseconds in one API and another offset in the next.
 * Requests may send any ISO 8601 offset. Open311 answers whole seconds with the same offset (its own formatter,
 * {@link #format(Instant, ZoneId)} without the milliseconds); dates are plain ISO dates in the bureau's calendar.
 */
public final class TimeConvention {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private TimeConvention() {
    }

    /** The sentence every API description carries. */
    public static String sentence(ZoneId zone) {
        String offset = zone.getRules().getOffset(Instant.parse("2026-04-01T01:30:00Z")).getId();
        return "Times are ISO 8601 with the bureau's offset (" + offset + ", zone " + zone.getId() + "), whole "
                + "seconds or milliseconds at most, for example 2026-04-01T09:30:00" + offset + " or "
                + "2026-04-01T09:30:00.250" + offset + "; requests may send any ISO 8601 offset. Dates are ISO 8601 "
                + "dates (2026-04-01) in the bureau's calendar.";
    }

    /** The instant in the bureau's zone: whole seconds when it has no milliseconds, else milliseconds. */
    public static String format(Instant instant, ZoneId zone) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        ZonedDateTime local = millis.atZone(zone);
        return (millis.getNano() == 0 ? SECONDS : MILLIS).format(local);
    }

    /** Serialises {@link Instant}, {@link OffsetDateTime} and {@link ZonedDateTime} by the convention. */
    public static JacksonModule jacksonModule(ZoneId zone) {
        return new SimpleModule("envgov-time-convention")
                .addSerializer(Instant.class, new Writer<>(Instant.class, zone, instant -> instant))
                .addSerializer(OffsetDateTime.class, new Writer<>(OffsetDateTime.class, zone,
                        OffsetDateTime::toInstant))
                .addSerializer(ZonedDateTime.class, new Writer<>(ZonedDateTime.class, zone,
                        ZonedDateTime::toInstant));
    }

    private static final class Writer<T> extends StdSerializer<T> {

        private final ZoneId zone;
        private final Function<T, Instant> instant;

        Writer(Class<T> type, ZoneId zone, Function<T, Instant> instant) {
            super(type);
            this.zone = zone;
            this.instant = instant;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context)
                throws JacksonException {
            generator.writeString(format(instant.apply(value), zone));
        }
    }
}
