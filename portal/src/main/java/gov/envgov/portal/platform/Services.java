package gov.envgov.portal.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import reactor.core.publisher.Mono;

/**
 * The services' APIs as the pages call them: through Eureka ({@code http://<service>} on a load-balanced client),
 * with the signed-in user's access token from the server-side session (refreshed when it expires), none for a
 * visitor. Every answer becomes an {@link ApiResult}; a service that is down or slow becomes "unavailable", so one
 * part of a page can say so while the rest still works.
 */
@Component
public class Services {

    private static final Logger log = LoggerFactory.getLogger(Services.class);
    private static final ParameterizedTypeReference<Object> JSON = new ParameterizedTypeReference<>() { };

    private final WebClient client;
    private final PortalProperties properties;

    Services(@LoadBalanced WebClient.Builder builder, ReactiveOAuth2AuthorizedClientManager clients,
             PortalProperties properties) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction tokens =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(clients);
        tokens.setDefaultOAuth2AuthorizedClient(true);
        this.client = builder.filter(tokens).build();
        this.properties = properties;
    }

    public Mono<ApiResult> get(String service, String path, Map<String, ?> query, Object... pathVariables) {
        return exchange(HttpMethod.GET, service, path, query, null, null, pathVariables);
    }

    public Mono<ApiResult> get(String service, String path, Object... pathVariables) {
        return get(service, path, Map.of(), pathVariables);
    }

    /** A GET with extra request headers (the tracking secret of a complaint travels in one). */
    public Mono<ApiResult> getWithHeaders(String service, String path, Map<String, String> headers,
                                          Object... pathVariables) {
        return exchange(HttpMethod.GET, service, path, Map.of(), null, headers, pathVariables);
    }

    /** A POST with extra request headers (an anonymous filer's follow-up carries the tracking secret in one). */
    public Mono<ApiResult> postWithHeaders(String service, String path, Object body, Map<String, String> headers,
                                           Object... pathVariables) {
        return exchange(HttpMethod.POST, service, path, Map.of(), body, headers, pathVariables);
    }

    public Mono<ApiResult> post(String service, String path, @Nullable Object body, Object... pathVariables) {
        return exchange(HttpMethod.POST, service, path, Map.of(), body, null, pathVariables);
    }

    public Mono<ApiResult> delete(String service, String path, Object... pathVariables) {
        return exchange(HttpMethod.DELETE, service, path, Map.of(), null, null, pathVariables);
    }

    public Mono<ApiResult> put(String service, String path, Object body, Object... pathVariables) {
        return exchange(HttpMethod.PUT, service, path, Map.of(), body, null, pathVariables);
    }

    /** Posts bytes as they are, with their content type (a batch of readings as NDJSON or a JSON array). */
    public Mono<ApiResult> postBytes(String service, String path, MediaType type, byte[] content) {
        return send(client.post().uri(uri(service, path, Map.of()))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(type).bodyValue(content), service, path);
    }

    /** Uploads one file as the multipart part {@code file}, as the services' upload endpoints take it. */
    public Mono<ApiResult> upload(String service, String path, String filename, MediaType type, byte[] content,
                                  Map<String, String> headers, Object... pathVariables) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", content).filename(filename).contentType(type);
        return send(client.post().uri(uri(service, path, Map.of(), pathVariables))
                .headers(h -> headers.forEach(h::set))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())), service, path);
    }

    private Mono<ApiResult> exchange(HttpMethod method, String service, String path, Map<String, ?> query,
                                     @Nullable Object body, @Nullable Map<String, String> headers,
                                     Object... pathVariables) {
        WebClient.RequestBodySpec request = client.method(method).uri(uri(service, path, query, pathVariables))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (headers != null) {
            request = request.headers(h -> headers.forEach(h::set));
        }
        if (body != null) {
            return send(request.contentType(MediaType.APPLICATION_JSON).bodyValue(body), service, path);
        }
        return send(request, service, path);
    }

    private java.util.function.Function<UriBuilder, java.net.URI> uri(String service, String path,
                                                                       Map<String, ?> query, Object... variables) {
        return builder -> {
            UriBuilder uri = builder.scheme("http").host(service).path(path);
            query.forEach((name, value) -> {
                if (value != null && !String.valueOf(value).isBlank()) {
                    uri.queryParam(name, "{q_" + name + "}");
                }
            });
            Map<String, Object> values = new LinkedHashMap<>();
            query.forEach((name, value) -> values.put("q_" + name, value));
            // Path variables are positional in the template; query values are named, so both are encoded.
            java.net.URI expanded = uri.build(variables.length == 0 ? values : merge(path, variables, values));
            return expanded;
        };
    }

    /** Names the positional path variables as the template names them, beside the query's named values. */
    private static Map<String, Object> merge(String path, Object[] variables, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        int i = 0;
        while (matcher.find() && i < variables.length) {
            all.put(matcher.group(1), variables[i++]);
        }
        return all;
    }

    private Mono<ApiResult> send(WebClient.RequestHeadersSpec<?> request, String service, String path) {
        return request.exchangeToMono(this::read)
                .timeout(properties.serviceTimeout())
                .onErrorResume(error -> {
                    log.warn("{} {} unavailable: {}", service, path, error.toString());
                    return Mono.just(ApiResult.unavailable());
                });
    }

    @SuppressWarnings("unchecked")
    private Mono<ApiResult> read(ClientResponse response) {
        int status = response.statusCode().value();
        boolean json = response.headers().contentType()
                .map(type -> type.getSubtype().endsWith("json")).orElse(false);
        if (!json) {
            return response.releaseBody().thenReturn(status < 400
                    ? new ApiResult(status, Map.of(), null, null, Map.of())
                    : ApiResult.refused(status, Map.of("title", response.statusCode().toString())));
        }
        return response.bodyToMono(JSON).defaultIfEmpty(Map.of()).map(body -> {
            Map<String, Object> map = body instanceof List<?> list ? Map.of("items", list)
                    : body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", body);
            return status < 400 ? new ApiResult(status, map, null, null, Map.of()) : ApiResult.refused(status, map);
        });
    }

    /** The load-balanced builder the portal's client is made from (names in URLs are Eureka service ids). */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        @LoadBalanced
        WebClient.Builder loadBalancedWebClientBuilder() {
            return WebClient.builder();
        }

        /** Tokens live in the session (not in a per-replica map), so a second replica serves the same user. */
        @Bean
        ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
            return new WebSessionServerOAuth2AuthorizedClientRepository();
        }

        /** The authorization-code tokens, refreshed with the refresh token when the access token expires. */
        @Bean
        ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository clients,
                ServerOAuth2AuthorizedClientRepository repository, @Qualifier("keycloakWebClient") WebClient keycloak) {
            DefaultReactiveOAuth2AuthorizedClientManager manager =
                    new DefaultReactiveOAuth2AuthorizedClientManager(clients, repository);
            // The refresh goes to Keycloak with its timeouts: a frozen Keycloak makes a page's part "unavailable".
            WebClientReactiveRefreshTokenTokenResponseClient refresh =
                    new WebClientReactiveRefreshTokenTokenResponseClient();
            refresh.setWebClient(keycloak);
            manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                    .authorizationCode().refreshToken(grant -> grant.accessTokenResponseClient(refresh)).build());
            return manager;
        }
    }
}
