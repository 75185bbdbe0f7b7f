package gov.envgov.complaint.open311;

import org.springframework.http.HttpStatus;

/** An error as Open311 clients expect it: HTTP 400, 403 or 404 with {@code errors[error{code, description}]}. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
