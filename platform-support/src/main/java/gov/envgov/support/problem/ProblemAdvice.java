package gov.envgov.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/**
 * Every error a controller raises becomes an RFC 9457 problem: field errors listed, domain refusals with their
 * stable type and the status {@link DomainProblems} gives their kind, and anything unexpected (an
 * {@code IllegalArgumentException} of ours included) a bare 500 whose cause goes to the log only.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException refusal, ServerWebExchange exchange) {
        HttpStatus status = DomainProblems.statusOf(refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setType(DomainProblems.typeOf(refusal));
        problem.setTitle(refusal.title());
        refusal.properties().forEach(problem::setProperty);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return ResponseEntity.status(status).body(problem);
    }

    /** Anything else is a defect of ours: the client learns nothing of it but the trace id to quote. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setType(ProblemTypes.INTERNAL);
        problem.setTitle(DomainProblems.INTERNAL_TITLE);
        DomainProblems.logUnexpected(log, exchange, exception)
                .ifPresent(traceId -> problem.setProperty("traceId", traceId));
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request content");
        problem.setDetail("Some fields are invalid: see errors.");
        problem.setProperty("errors", fieldErrors(ex.getFieldErrors()));
        if (ex.hasGlobalErrors()) {
            problem.setProperty("globalErrors", ex.getGlobalErrors().stream()
                    .map(error -> error.getDefaultMessage()).toList());
        }
        return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request parameters");
        List<Map<String, Object>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.<String, Object>of(
                        // A field of a parameter object (page=-1 of a PageRequest) is named itself, not its object.
                        "field", error instanceof FieldError field ? field.getField()
                                : result.getMethodParameter().getParameterName() == null ? "?"
                                : result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        problem.setProperty("errors", errors);
        return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        problem.setType(ProblemTypes.MALFORMED);
        problem.setTitle("Malformed request");
        // The cause may quote internals (class names, parser positions): keep the client message plain, and name the
        // field and what it accepts where the cause says which field.
        var error = InputProblems.fieldError(ex);
        if (error.isPresent()) {
            problem.setDetail(error.get().get("field") + " " + error.get().get("message") + ".");
            problem.setProperty("errors", List.of(error.get()));
        } else {
            problem.setDetail(ex.getReason() == null ? "The request could not be read." : ex.getReason());
        }
        return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.forStatus(status.value()));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static List<Map<String, Object>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
    }
}
