package gov.envgov.complaint.open311;

/**
 * An error as Open311 clients expect it: code 400, 403 or 404 (the HTTP status it is answered with) and a
 * description, written as {@code errors[error{code, description}]}.
 */
class Open311Exception extends RuntimeException {

    private final int code;

    private Open311Exception(int code, String description) {
        super(description);
        this.code = code;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }

    int code() {
        return code;
    }
}
