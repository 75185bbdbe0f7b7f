package gov.envgov.support.problem;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import gov.envgov.support.domain.DomainException;

import reactor.core.publisher.Mono;

/**
 * The last resort for errors no controller advice saw (filters, routing): still a problem document, never Boot's
 * default error map and never a stack trace. Runs before Boot's own handler (order -2 vs -1).
 */
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final Duration retryAfter;

    public ProblemWebExceptionHandler() {
        this(ProblemAdvice.DEFAULT_RETRY_AFTER);
    }

    /** @param retryAfter what an answer to an outage tells the client to wait (ERR-OUTAGE-503) */
    public ProblemWebExceptionHandler(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof DomainException domain) {
            return ProblemResponses.write(exchange, DomainProblems.statusOf(domain), DomainProblems.typeOf(domain),
                    domain.title(), domain.getMessage());
        }
        if (error instanceof ErrorResponse known) {
            // Our own checks (input filter, body limit) and Spring's (404 route, 405, 413, ...): their problem as is.
            return ProblemResponses.write(exchange, known.getBody(), known.getHeaders());
        }
        if (Outages.isClientTimeout(error)) {
            ErrorResponseException timedOut = RequestProblems.timedOut();
            return ProblemResponses.write(exchange, timedOut.getBody(), timedOut.getHeaders());
        }
        if (Outages.isOutage(error)) {
            DomainProblems.logOutage(log, exchange, error);
            ErrorResponseException unavailable = RequestProblems.unavailable(retryAfter);
            return ProblemResponses.write(exchange, unavailable.getBody(), unavailable.getHeaders());
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setType(ProblemTypes.INTERNAL);
        problem.setTitle(DomainProblems.INTERNAL_TITLE);
        problem.setProperty("traceId", DomainProblems.logUnexpected(log, exchange, error));
        return ProblemResponses.write(exchange, problem, HttpHeaders.EMPTY);
    }
}
