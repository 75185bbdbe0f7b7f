package gov.envgov.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import gov.envgov.support.problem.ProblemResponses;
import gov.envgov.support.problem.ProblemTypes;
import reactor.core.publisher.Mono;

/**
 * Refuses, before routing and before security, any path that could reach a service's internal or management
 * endpoints: a segment {@code internal} or {@code actuator} (beyond the gateway's own health), dot segments or
 * encoded slashes that a downstream server might resolve differently from the route predicates.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InternalPathGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (isForbidden(raw)) {
            return ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found",
                    "No such resource.");
        }
        return chain.filter(exchange);
    }

    static boolean isForbidden(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return true;
        }
        String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (String segment : decoded.split("/")) {
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals("..") || name.equals(".") || name.equals("internal")) {
                return true;
            }
        }
        if (decoded.startsWith("/actuator")) {
            return !(decoded.equals("/actuator/health") || decoded.startsWith("/actuator/health/"));
        }
        return decoded.contains("/actuator");
    }
}
