package gov.envgov.support.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One log line per request: method, path (never the query, which may carry personal data), status and duration.
 * The line is written inside {@code handle}, where Reactor restores the request's observation from its context, so it
 * carries the trace id the gateway propagated without the cost of restoring thread-locals on every operator.
 * Health probes and metrics scrapes are not logged.
 */
public class RequestLogging implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("envgov.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        return chain.filter(exchange)
                .then(logLine(exchange, path, start))
                .onErrorResume(error -> logLine(exchange, path, start).then(Mono.error(error)));
    }

    private static Mono<Void> logLine(ServerWebExchange exchange, String path, long start) {
        return Mono.just(path).<Void>handle((ignored, sink) -> {
            var status = exchange.getResponse().getStatusCode();
            log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), path,
                    status == null ? "-" : status.value(), (System.nanoTime() - start) / 1_000_000);
            sink.complete();
        });
    }

    @Override
    public int getOrder() {
        // Inside the observation (so the trace id is known), before security (so 401s are logged too).
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
