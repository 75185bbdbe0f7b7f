package gov.envgov.support.problem;

import java.net.URI;

/** Stable problem type identifiers: clients switch on these, so they never change once published. */
public final class ProblemTypes {

    public static final String PREFIX = "urn:envgov:problem:";

    public static final URI VALIDATION = uri("validation");
    public static final URI MALFORMED = uri("malformed-request");
    public static final URI UNAUTHORIZED = uri("unauthorized");
    public static final URI FORBIDDEN = uri("forbidden");
    public static final URI NOT_FOUND = uri("not-found");
    public static final URI INTERNAL = uri("internal");
    public static final URI UNAVAILABLE = uri("service-unavailable");
    public static final URI BODY_TOO_LARGE = uri("body-too-large");

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(PREFIX + slug);
    }

    /** A type for a plain HTTP status the platform itself produced (404 route, 405, 415, ...). */
    public static URI forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 413 -> BODY_TOO_LARGE;
            case 500 -> INTERNAL;
            case 503 -> UNAVAILABLE;
            default -> uri("http-" + status);
        };
    }
}
