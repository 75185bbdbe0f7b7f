package gov.envgov.support.problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return Optional.of(error(path(mismatch), accepted(mismatch.getTargetType())));
            }
            if (cause instanceof TypeMismatchException mismatch) {
                MethodParameter parameter = exception.getMethodParameter();
                String name = parameter != null && parameter.getParameterName() != null
                        ? parameter.getParameterName() : mismatch.getPropertyName();
                return Optional.of(error(name == null ? "?" : name, accepted(mismatch.getRequiredType())));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return Optional.empty();
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
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date as YYYY-MM-DD, for example 2026-04-01";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time in ISO 8601 with its offset, for example 2026-04-01T09:30:00+08:00";
        }
        if (type == LocalDateTime.class) {
            return "a date and time as YYYY-MM-DDTHH:MM:SS, for example 2026-04-01T09:30:00";
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
