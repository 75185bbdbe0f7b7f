package gov.envgov.gateway.ratelimit;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import gov.envgov.support.problem.ProblemResponses;
import gov.envgov.support.problem.ProblemTypes;
import reactor.core.publisher.Mono;

/**
 * Applies the limits of {@link RateLimitProperties}. Runs after the security chain, so a write's user is the
 * verified token's subject; a request over its limit is answered 429 with {@code Retry-After}, as a problem, and
 * never reaches a service. Reads by signed-in users and the portal's pages are not limited here.
 */
final class RateLimits implements WebFilter, Ordered {

    /** After Spring Security's chain (order -100), so a token is verified; before routing. */
    static final int ORDER = -50;

    static final URI TYPE = ProblemTypes.uri("rate-limited");

    /** Matched like the routes and the security rules match (segment by segment, decoded), so none can differ. */
    private static final List<PathPattern> PUBLIC = List.of(PathPatternParser.defaultInstance.parse("/api/public/**"),
            PathPatternParser.defaultInstance.parse("/open311/**"));
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;

    RateLimits(RateLimitProperties properties, RateLimiter limiter, ClientAddress clientAddress) {
        this.properties = properties;
        this.limiter = limiter;
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        boolean read = READS.contains(exchange.getRequest().getMethod());
        if (PUBLIC.stream().anyMatch(pattern -> pattern.matches(path))) {
            String client = clientAddress.of(exchange.getRequest());
            return read
                    ? limit(exchange, chain, "public:" + client, properties.publicRoutes(), "from this address")
                    : limit(exchange, chain, "anonymous-writes:" + client, properties.anonymousWrites(),
                    "of writes to public routes from this address");
        }
        if (read || !API.matches(path)) {
            return chain.filter(exchange);
        }
        // Without a verified token the security chain has already answered 401, or the path is the portal's.
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .mapNotNull(principal -> ((JwtAuthenticationToken) principal).getToken().getSubject())
                .defaultIfEmpty("")
                .flatMap(subject -> subject.isEmpty() ? chain.filter(exchange)
                        : limit(exchange, chain, "writes:" + subject, properties.writes(), "of writes by this user"));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String key,
                             RateLimitProperties.Limit limit, String whose) {
        return limiter.take(key, limit).flatMap(decision -> {
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            long seconds = decision.retryAfterSeconds();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, TYPE, "Too Many Requests",
                    "More than " + limit.capacity() + " requests at once or " + rate(limit.perSecond())
                            + " per second " + whose + "; retry after " + seconds + " s.");
        });
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }
}
