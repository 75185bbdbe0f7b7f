package gov.envgov.gateway;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.core.Ordered;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public contract of paths. Every route goes through Eureka ({@code lb://}); the Authorization header passes
 * through unchanged, so each service validates the caller's own token. Paths not listed here (a service's
 * {@code /internal/**} feeds, its actuator) are never routed; every other path is the portal's.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    static final String[] SERVICES = {"permit-service", "complaint-service", "enforcement-service", "credit-service"};

    /** Paths the portal never answers: the APIs (a path no service routes is a 404 problem, not a page). */
    static final String[] NOT_PORTAL = {"/api/**", "/open311/**", "/api-docs/**", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/actuator/**"};

    /** The response timeout of bulk requests; every other route has the gateway's (GATEWAY_RESPONSE_TIMEOUT). */
    static final long BULK_RESPONSE_TIMEOUT_MILLIS = 120_000;

    @Bean
    RouteLocator envgovRoutes(RouteLocatorBuilder builder) {
        RouteLocatorBuilder.Builder routes = builder.routes()
                // Bulk imports and batches of readings may legitimately take longer than an ordinary request.
                .route("permit-service-bulk", r -> r.order(-1)
                        .path("/api/enterprises/import", "/api/permits/import", "/api/monitoring/readings")
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, BULK_RESPONSE_TIMEOUT_MILLIS)
                        .uri("lb://permit-service"))
                .route("permit-service", r -> r.path("/api/enterprises", "/api/enterprises/**",
                        "/api/permits", "/api/permits/**", "/api/monitoring/**", "/api/registrations/**",
                        "/api/public/permits",
                        "/api/public/permits/**").uri("lb://permit-service"))
                .route("complaint-service", r -> r.path("/api/complaints", "/api/complaints/**",
                        "/api/public/complaints", "/api/public/complaints/**", "/api/open311/**", "/open311/**")
                        .uri("lb://complaint-service"))
                .route("enforcement-service", r -> r.path("/api/enforcement/**", "/api/public/penalties",
                        "/api/public/penalties/**", "/api/public/inspections/**", "/api/public/discretion/**")
                        .uri("lb://enforcement-service"))
                .route("credit-service", r -> r.path("/api/credit/**", "/api/public/blacklist",
                        "/api/public/blacklist/**", "/api/public/credit/**").uri("lb://credit-service"));
        // Everything else is a page of the portal (the web application), after every API route. The gateway's own
        // Swagger UI and health stay the gateway's.
        routes = routes.route("portal", r -> r.order(Ordered.LOWEST_PRECEDENCE).path("/**")
                .and().not(p -> p.path(NOT_PORTAL))
                .uri("lb://portal"));
        for (String service : SERVICES) {
            // Each service's OpenAPI description, for the aggregated Swagger UI.
            routes = routes.route("api-docs-" + service, r -> r.path("/api-docs/" + service)
                    .filters(f -> f.setPath("/v3/api-docs"))
                    .uri("lb://" + service));
        }
        return routes.build();
    }
}
