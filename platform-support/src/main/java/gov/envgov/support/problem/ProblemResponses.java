package gov.envgov.support.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes a problem document straight to the response, for the places that run before any controller (security
 * entry points, the last-resort exception handler). The body is small and fixed in shape, so it is written by hand.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String title,
                                   String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":" + json(type.toString())
                + ",\"title\":" + json(title)
                + ",\"status\":" + status.value()
                + (detail == null ? "" : ",\"detail\":" + json(detail))
                + ",\"instance\":" + json(exchange.getRequest().getPath().value())
                + "}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * Writes a whole problem, its extra properties (the {@code errors} list, a trace id) and headers (such as
     * {@code Retry-After}) included. A missing type becomes the platform's type for the status, a missing title the
     * status's reason phrase, a missing instance the request's path.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        response.setStatusCode(status);
        response.getHeaders().addAll(headers);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        URI type = problem.getType() == null || "about:blank".equals(problem.getType().toString())
                ? ProblemTypes.forStatus(status.value()) : problem.getType();
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = problem.getTitle() != null ? problem.getTitle()
                : known == null ? "Error" : known.getReasonPhrase();
        StringBuilder body = new StringBuilder("{\"type\":").append(json(type.toString()))
                .append(",\"title\":").append(json(title))
                .append(",\"status\":").append(status.value());
        if (problem.getDetail() != null) {
            body.append(",\"detail\":").append(json(problem.getDetail()));
        }
        body.append(",\"instance\":").append(json(problem.getInstance() == null
                ? exchange.getRequest().getPath().value() : problem.getInstance().toString()));
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((name, value) -> {
                body.append(',').append(json(name)).append(':');
                value(body, value);
            });
        }
        DataBuffer buffer = response.bufferFactory().wrap(body.append('}').toString()
                .getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** The few shapes problem properties take: texts, numbers, booleans, lists and maps of them. */
    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",").append(json(String.valueOf(entry.getKey()))).append(':');
                value(out, entry.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                value(out, item);
                first = false;
            }
            out.append(']');
        } else {
            out.append(json(value.toString()));
        }
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
