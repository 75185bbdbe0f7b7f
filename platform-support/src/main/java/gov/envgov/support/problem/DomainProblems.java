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
     * Logs an error nobody expected with the request's trace id and returns that id (empty when the request is not
     * traced), which the client gets in place of any detail so that support can find the log entry.
     */
    static Optional<String> logUnexpected(Logger log, ServerWebExchange exchange, Throwable error) {
        Optional<String> traceId = traceId(exchange);
        log.error("Unhandled error on {} {} (trace {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), traceId.orElse("-"), error);
        return traceId;
    }

    static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .<TracingObservationHandler.TracingContext>map(context ->
                        context.get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId());
    }
}
