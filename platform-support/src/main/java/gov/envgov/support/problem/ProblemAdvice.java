package gov.envgov.support.problem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
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

    /** What an answer to an outage tells the client to wait when the service configures nothing else. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Duration retryAfter;

    public ProblemAdvice() {
        this(DEFAULT_RETRY_AFTER);
    }

    /** @param retryAfter what the 503 answer to an outage asks a client to wait (envgov.web.outage.retry-after) */
    public ProblemAdvice(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

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

    /**
     * A body larger than the codec holds in memory (where the platform's body limit did not stop it first) is the
     * client's 413, not our 500 (ERR-BODY-LIMIT).
     */
    /**
     * A constraint checked on a service method ({@code @Validated}) rather than at the controller: the same 400 as
     * any other invalid input, naming the parameter (the last node of the property path) and what it must be, never
     * the value sent (ERR-FIELD-NAMED).
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException exception) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request parameters");
        problem.setDetail("Some parameters are invalid: see errors.");
        problem.setProperty("errors", exception.getConstraintViolations().stream()
                .map(violation -> Map.<String, Object>of("field", lastNode(violation.getPropertyPath().toString()),
                        "message", String.valueOf(violation.getMessage())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The body of this request is larger than this endpoint takes.");
        problem.setType(ProblemTypes.BODY_TOO_LARGE);
        problem.setTitle("Request body too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /**
     * Anything else is a defect of ours (the client learns nothing of it but the trace id to quote), or an outage of
     * the database, which is answered 503 with {@code Retry-After} so that clients and retries can tell the two apart
     * (ERR-OUTAGE-503).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, ServerWebExchange exchange) {
        if (Outages.isClientTimeout(exception)) {
            log.debug("Request timed out on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value());
            ErrorResponseException timedOut = RequestProblems.timedOut();
            return ResponseEntity.status(timedOut.getStatusCode()).body(timedOut.getBody());
        }
        if (Outages.isOutage(exception)) {
            DomainProblems.logOutage(log, exchange, exception);
            ErrorResponseException unavailable = RequestProblems.unavailable(retryAfter);
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .body(unavailable.getBody());
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setType(ProblemTypes.INTERNAL);
        problem.setTitle(DomainProblems.INTERNAL_TITLE);
        problem.setProperty("traceId", DomainProblems.logUnexpected(log, exchange, exception));
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
        if (!ex.getFieldErrors().isEmpty() && ex.getFieldErrors().stream().allMatch(FieldError::isBindingFailure)) {
            problem.setTitle(RequestProblems.INVALID_INPUT_TITLE);
        }
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
        RequestProblems.BodyTooLarge tooLarge = InputProblems.cause(ex, RequestProblems.BodyTooLarge.class);
        if (tooLarge != null) {
            // The body limit cut a body off while a reader (multipart, form) was reading it.
            return Mono.just(ResponseEntity.status(tooLarge.getStatusCode()).body(tooLarge.getBody()));
        }
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
            problem.setDetail(InputProblems.unreadable(ex));
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

    /**
     * A value that could not even be converted ({@code ?page=abc}) is told what is accepted: Spring's own message
     * quotes Java types and the raw input (ERR-FIELD-NAMED).
     */
    private static List<Map<String, Object>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", error.isBindingFailure() ? bindingFailure(error)
                                : String.valueOf(error.getDefaultMessage())))
                .toList();
    }

    private static String bindingFailure(FieldError error) {
        Class<?> type = null;
        if (error.contains(TypeMismatchException.class)) {
            type = error.unwrap(TypeMismatchException.class).getRequiredType();
        }
        if (type != null && type.isEnum()) {
            return InputProblems.enumValues(type);
        }
        return "must be " + InputProblems.accepted(type);
    }
}
