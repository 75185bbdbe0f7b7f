package gov.envgov.support.problem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What was wrong with an unreadable request, for the client: the field (its JSON path) or the parameter, and what
 * is accepted there (the allowed values of an enum, the format of a date, "true or false"). Never the parser's own
 * message, which quotes class names and positions.
 */
final class InputProblems {

    private InputProblems() {
    }

    /** The field and what it accepts, when the cause says which field; empty when it does not. */
    static Optional<Map<String, Object>> fieldError(ServerWebInputException exception) {
        if (exception instanceof MissingRequestValueException missing) {
            return Optional.of(RequestProblems.error(missing.getName(), "is required"));
        }
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof ControlCharacters.Rejected rejected) {
                return Optional.of(RequestProblems.error(rejected.getPath().isEmpty() ? "body" : path(rejected),
                        ControlCharacters.MESSAGE));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                Class<?> type = mismatch.getTargetType();
                return Optional.of(type != null && type.isEnum()
                        ? RequestProblems.error(path(mismatch), enumValues(type))
                        : error(path(mismatch), accepted(type)));
            }
            if (cause instanceof TypeMismatchException mismatch) {
                MethodParameter parameter = exception.getMethodParameter();
                String name = parameter != null && parameter.getParameterName() != null
                        ? parameter.getParameterName() : mismatch.getPropertyName();
                Class<?> type = mismatch.getRequiredType();
                return Optional.of(type != null && type.isEnum()
                        ? RequestProblems.error(name == null ? "?" : name, enumValues(type))
                        : error(name == null ? "?" : name, accepted(type)));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return Optional.empty();
    }

    /** What to say when no field can be named: what kind of body was expected, not what the parser said. */
    static String unreadable(ServerWebInputException exception) {
        if (cause(exception, MismatchedInputException.class) != null) {
            MismatchedInputException mismatch = cause(exception, MismatchedInputException.class);
            return "The body must be " + accepted(mismatch.getTargetType()) + " in JSON.";
        }
        if (cause(exception, JacksonException.class) != null) {
            return "The body is not valid JSON.";
        }
        return exception.getReason() == null ? "The request could not be read." : exception.getReason();
    }

    /** The first cause of this type, or null. */
    static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 20; depth++) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return null;
    }

    /** An enum's accepted values, in any letter case where that is unambiguous (ERR-FIELD-NAMED). */
    static String enumValues(Class<?> type) {
        return "must be " + accepted(type) + " (in any letter case)";
    }

    /** The JSON path of the field, as bean validation names fields: {@code content.outlets[0].code}. */
    static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of this type looks like, in the words a client needs. */
    static String accepted(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date as yyyy-MM-dd (ISO 8601), for example 2026-04-01";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time in ISO 8601 with its offset, for example 2026-04-01T09:30:00+08:00";
        }
        if (type == LocalDateTime.class) {
            return "a date and time as yyyy-MM-ddTHH:mm:ss (ISO 8601), for example 2026-04-01T09:30:00";
        }
        if (type == LocalTime.class) {
            return "a time as HH:mm or HH:mm:ss, for example 09:30";
        }
        if (type == Duration.class) {
            return "a duration in ISO 8601, for example PT1H30M";
        }
        if (type == Map.class || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID, for example 3f2b8c1e-6f0a-4c2d-9a51-7d0e2b4c8a10";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static Map<String, Object> error(String field, String accepted) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", "must be " + accepted);
        return error;
    }
}
