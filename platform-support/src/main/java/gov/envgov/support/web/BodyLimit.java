package gov.envgov.support.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import gov.envgov.support.problem.RequestProblems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Limits every request body before anything parses it (ERR-BODY-LIMIT): a declared {@code Content-Length} over the
 * limit is answered 413 before a byte is read; a body without one (chunked) is cut off, and answered 413, as soon as
 * it passes the limit. The limit is the endpoint's own where its path matches a configured pattern (the most
 * specific one), the shared default elsewhere. Endpoints still check their own finer limits (a photo's size, a
 * batch's) on what they read.
 */
public class BodyLimit implements WebFilter, Ordered {

    private final long defaultMax;
    private final List<Limit> limits;

    public BodyLimit(DataSize defaultMax, Map<String, DataSize> byPath) {
        this.defaultMax = defaultMax.toBytes();
        this.limits = byPath.entrySet().stream()
                .map(entry -> new Limit(PathPatternParser.defaultInstance.parse(entry.getKey()),
                        entry.getValue().toBytes()))
                .sorted(Comparator.comparing(Limit::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
    }

    /** The largest body a request to this path may have. */
    long limitFor(ServerHttpRequest request) {
        for (Limit limit : limits) {
            if (limit.pattern().matches(request.getPath().pathWithinApplication())) {
                return limit.maxBytes();
            }
        }
        return defaultMax;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long max = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > max) {
            return Mono.error(RequestProblems.bodyTooLarge(max));
        }
        if (declared >= 0) {
            // The server reads no more than the declared length.
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Limited(request, max)).build());
    }

    @Override
    public int getOrder() {
        // After the access log (so a 413 is logged), before security and before anything reads the body.
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    private record Limit(PathPattern pattern, long maxBytes) {
    }

    private static final class Limited extends ServerHttpRequestDecorator {

        private final long max;

        Limited(ServerHttpRequest delegate, long max) {
            super(delegate);
            this.max = max;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        sink.error(RequestProblems.bodyTooLarge(max));
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
