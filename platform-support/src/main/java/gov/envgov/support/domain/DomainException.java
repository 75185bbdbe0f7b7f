package gov.envgov.support.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request that the domain refuses, with a stable code a client can rely on. Domain code throws the four kinds
 * below and knows nothing of HTTP: the web layer ({@code gov.envgov.support.problem.ProblemAdvice}) decides which
 * status each kind is answered with.
 */
public abstract sealed class DomainException extends RuntimeException {

    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    private DomainException(String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.code = code;
        this.title = title;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The stable slug of this refusal, such as {@code invalid-transition}; it becomes the problem type. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Further members of the problem document, such as {@code errors} naming the offending fields. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Unknown, or not the caller's to see: both are answered alike so that existence does not leak. */
    public static final class NotFound extends DomainException {
        public NotFound(String what, String id) {
            super("not-found", "Not found", what + " " + id + " does not exist", Map.of("resource", what));
        }
    }

    /**
     * The object exists but its state or a concurrent change forbids the request. The detail names the object that
     * blocks by its id or number; where the problem can say more, {@code blockedBy} carries that object
     * ({@code type}, {@code id}, {@code status}) and {@code requiredStep} the step that must come first
     * (API-CONFLICTS-NAME-THE-BLOCKER).
     */
    public static final class Conflict extends DomainException {

        /** The problem member naming the blocking object. */
        public static final String BLOCKED_BY = "blockedBy";
        /** The problem member naming the step that must come first. */
        public static final String REQUIRED_STEP = "requiredStep";

        public Conflict(String code, String detail) {
            super(code, "Conflict", detail, null);
        }

        /** A conflict that names the blocking object and, when a step was skipped, the step that comes first. */
        public Conflict(String code, String detail, Blocker blockedBy, @Nullable String requiredStep) {
            super(code, "Conflict", detail, members(blockedBy, requiredStep));
        }

        private static Map<String, Object> members(Blocker blockedBy, @Nullable String requiredStep) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put(BLOCKED_BY, blockedBy.asMap());
            if (requiredStep != null) {
                members.put(REQUIRED_STEP, requiredStep);
            }
            return members;
        }
    }

    /**
     * The object that blocks a request: its kind (such as {@code permit application}), its id or number, and the
     * state it is in when that is what blocks (null otherwise).
     */
    public record Blocker(String type, String id, @Nullable String status) {

        public Blocker(String type, Object id, @Nullable Object status) {
            this(type, String.valueOf(id), status == null ? null : String.valueOf(status));
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", type);
            map.put("id", id);
            if (status != null) {
                map.put("status", status);
            }
            return map;
        }
    }

    /** The caller may see the object but not do this to it. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String detail) {
            super("forbidden", "Forbidden", detail, null);
        }
    }

    /** Well-formed input that a business rule rejects; {@code field} names the offending input. */
    public static final class RuleViolation extends DomainException {
        private final String field;

        public RuleViolation(String code, String field, String detail) {
            super(code, "Rule violated", detail,
                    Map.of("errors", List.of(Map.of("field", field, "message", detail))));
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
