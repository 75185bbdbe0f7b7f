package gov.envgov.support.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that the domain refuses, with the problem type a client can rely on. Services throw the subclasses;
 * {@link ProblemAdvice} turns them into RFC 9457 responses.
 */
public abstract class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    protected DomainException(HttpStatus status, String type, String title, String detail,
                              Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return ProblemTypes.uri(type);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** Unknown, or not the caller's to see: both answer 404 so that existence does not leak. */
    public static class NotFound extends DomainException {
        public NotFound(String what, String id) {
            super(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist",
                    Map.of("resource", what));
        }
    }

    /** The object exists but its state or a concurrent change forbids the request. */
    public static class Conflict extends DomainException {
        public Conflict(String type, String detail) {
            super(HttpStatus.CONFLICT, type, "Conflict", detail, null);
        }
    }

    /** The caller may see the object but not do this to it. */
    public static class Forbidden extends DomainException {
        public Forbidden(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
        }
    }

    /** Well-formed input that a business rule rejects; {@code field} names the offending input. */
    public static class RuleViolation extends DomainException {
        public RuleViolation(String type, String field, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, type, "Rule violated", detail,
                    Map.of("errors", java.util.List.of(Map.of("field", field, "message", detail))));
        }
    }
}
