package gov.envgov.gateway.edge;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import gov.envgov.support.problem.ProblemResponses;
import gov.envgov.support.problem.ProblemTypes;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * A service that cannot answer is an outage, not a bug: no instance registered, connection refused or timed out,
 * the connection dropped before an answer → 503; no answer within the response timeout → 504. Both are problems
 * with {@code Retry-After}, so clients and retries can tell them from a 500. As a filter around every route it answers
 * before the platform's controller advice would make a 500 of the error; as an exception handler before the
 * platform's last resort (order -2) it answers the same errors raised outside routing (the signing keys unreachable).
 */
@Component
class OutageProblems implements GlobalFilter, WebExceptionHandler, Ordered {

    static final URI UNAVAILABLE = ProblemTypes.uri("service-unavailable");
    static final URI TIMEOUT = ProblemTypes.uri("service-timeout");

    private static final Logger log = LoggerFactory.getLogger(OutageProblems.class);

    private final EdgeProperties properties;

    OutageProblems(EdgeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> statusOf(error) != null, error -> handle(exchange, error));
    }

    @Override
    public int getOrder() {
        return -3;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status = statusOf(error);
        if (status == null || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        log.warn("{} {} -> {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                status.value(), rootCause(error).toString());
        long seconds = Math.max(1, properties.retryAfter().toSeconds());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return status == HttpStatus.GATEWAY_TIMEOUT
                ? ProblemResponses.write(exchange, status, TIMEOUT, "Gateway Timeout",
                "The service behind this path did not answer in time; retry after " + seconds + " s.")
                : ProblemResponses.write(exchange, status, UNAVAILABLE, "Service Unavailable",
                "The service behind this path is not reachable right now; retry after " + seconds + " s.");
    }

    static HttpStatus statusOf(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            int code = statusError.getStatusCode().value();
            if (code == 503 || code == 504) {
                return HttpStatus.valueOf(code);
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof PrematureCloseException || cause instanceof UnknownHostException
                    || cause instanceof ClosedChannelException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
