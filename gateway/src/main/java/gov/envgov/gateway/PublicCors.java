package gov.envgov.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin reads for browser applications (Open311 clients, the public's own maps): the public GETs of
 * {@code /open311/**} and {@code /api/public/**}, from any origin, without credentials. Nothing else is shared
 * across origins: a cross-origin preflight for any other method or path is refused, and the portal and the
 * signed-in APIs send no CORS headers at all.
 */
final class PublicCors {

    static final String[] PATHS = {"/open311/**", "/api/public/**"};

    private PublicCors() {
    }

    static CorsConfigurationSource source() {
        CorsConfiguration reads = new CorsConfiguration();
        reads.setAllowedOrigins(List.of(CorsConfiguration.ALL));
        reads.setAllowedMethods(List.of("GET", "HEAD"));
        reads.setAllowedHeaders(List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.CONTENT_TYPE));
        reads.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.CONTENT_LANGUAGE));
        reads.setAllowCredentials(false);
        reads.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : PATHS) {
            source.registerCorsConfiguration(path, reads);
        }
        return source;
    }
}
