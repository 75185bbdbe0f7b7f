package gov.envgov.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
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

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status;
        String detail;
        if (error instanceof ResponseStatusException statusError) {
            status = statusError.getStatusCode();
            detail = statusError.getReason();
        } else if (error instanceof DomainException domain) {
            return ProblemResponses.write(exchange, DomainProblems.statusOf(domain), DomainProblems.typeOf(domain),
                    domain.title(), domain.getMessage());
        } else {
            DomainProblems.logUnexpected(log, exchange, error);
            return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                    DomainProblems.INTERNAL_TITLE, null);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        return ProblemResponses.write(exchange, status, ProblemTypes.forStatus(status.value()), title, detail);
    }
}
