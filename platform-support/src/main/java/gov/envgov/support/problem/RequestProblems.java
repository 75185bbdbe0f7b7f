package gov.envgov.support.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems the platform's own checks raise before any controller runs (the input filter, the body limit): each
 * an {@link ErrorResponseException} whose body is the finished problem, so that whichever handler sees it first
 * (the controller advice or the last-resort handler) answers the same document.
 */
public final class RequestProblems {

    public static final String INVALID_INPUT_TITLE = "Invalid request parameters";

    private RequestProblems() {
    }

    /** A field, parameter, path variable or header with a control character in it (ERR-CONTROL-CHARS). */
    public static ErrorResponseException controlCharacters(String field) {
        return invalid(field, ControlCharacters.MESSAGE);
    }

    /** A path variable that is present but blank ({@code /api/public/permits/%20}). */
    public static ErrorResponseException blank(String field) {
        return invalid(field, "must not be blank");
    }

    /** A field or parameter that is not what it must be; {@code message} says what it must be, never the input. */
    public static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message + ".");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle(INVALID_INPUT_TITLE);
        problem.setProperty("errors", List.of(error(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The body is larger than this endpoint takes (ERR-BODY-LIMIT). */
    public static BodyTooLarge bodyTooLarge(long maxBytes) {
        return new BodyTooLarge(maxBytes);
    }

    /** A dependency (the database, a service behind the gateway) is out of reach: try again later (ERR-OUTAGE-503). */
    public static ErrorResponseException unavailable(Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Something this request needs (a database, a service) cannot be reached just now. Try again in "
                        + seconds(retryAfter) + " seconds.");
        problem.setType(ProblemTypes.UNAVAILABLE);
        problem.setTitle("Service unavailable");
        problem.setProperty("retryAfterSeconds", seconds(retryAfter));
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
        return unavailable;
    }

    /** The client stopped sending its request before it was complete. */
    static ErrorResponseException timedOut() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT,
                "The request did not arrive in time.");
        problem.setTitle("Request timeout");
        return new ErrorResponseException(HttpStatus.REQUEST_TIMEOUT, problem, null);
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    static Map<String, Object> error(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** A 413 problem that says how large a body this endpoint takes. */
    public static final class BodyTooLarge extends ErrorResponseException {

        private final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, problem(maxBytes), null);
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }

        private static ProblemDetail problem(long maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The body of this request may have at most " + maxBytes + " bytes.");
            problem.setType(ProblemTypes.BODY_TOO_LARGE);
            problem.setTitle("Request body too large");
            problem.setProperty("maxBytes", maxBytes);
            return problem;
        }
    }
}
