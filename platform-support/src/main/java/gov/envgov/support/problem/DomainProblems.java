package gov.envgov.support.problem;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.support.domain.DomainException;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * The web side of domain refusals: which HTTP status each kind of {@link DomainException} is answered with, and how
 * an unexpected error is answered (a bare 500 whose cause goes to the log under the request's trace id, never to the
 * client).
 */
public final class DomainProblems {

    static final String INTERNAL_TITLE = "Internal error";

    private DomainProblems() {
    }

    public static HttpStatus statusOf(DomainException refusal) {
        if (refusal instanceof DomainException.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof DomainException.Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof DomainException.Forbidden) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    public static URI typeOf(DomainException refusal) {
        return ProblemTypes.uri(refusal.code());
    }

    /**
     * Logs an error nobody expected, once and in one line with the request's trace id (the stack only at DEBUG: a
     * driver's stack is some 16 KB, and a client can cause one per request), and returns that id, which the client
     * gets in place of any detail so that support can find the log entry. Without tracing the request's own id
     * stands in.
     */
    static String logUnexpected(Logger log, ServerWebExchange exchange, Throwable error) {
        String traceId = traceOrRequestId(exchange);
        log.error("Unhandled error on {} {} (trace {}): {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), traceId, summary(error));
        log.debug("Stack of the unhandled error (trace {})", traceId, error);
        return traceId;
    }

    /** An outage is expected to happen now and then: one line at WARN, no stack. */
    static String logOutage(Logger log, ServerWebExchange exchange, Throwable error) {
        String traceId = traceOrRequestId(exchange);
        log.warn("Dependency unavailable on {} {} (trace {}): {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), traceId, summary(error));
        log.debug("Stack of the outage (trace {})", traceId, error);
        return traceId;
    }

    static String traceOrRequestId(ServerWebExchange exchange) {
        return traceId(exchange).orElseGet(() -> exchange.getRequest().getId());
    }

    /** The error and its root cause, each as type and the start of its message, and where the root was thrown. */
    static String summary(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        StringBuilder line = new StringBuilder(describe(error));
        if (root != error) {
            line.append(" <- ").append(describe(root));
        }
        StackTraceElement[] frames = root.getStackTrace();
        if (frames.length > 0) {
            line.append(" at ").append(frames[0]);
        }
        return line.toString();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        // One line in the log, whatever the message holds (a client's input may be part of it).
        return error.getClass().getName() + ": " + message.replaceAll("\\p{Cntrl}", " ");
    }

    static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .<TracingObservationHandler.TracingContext>map(context ->
                        context.get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId());
    }
}
