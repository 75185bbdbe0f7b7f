package gov.envgov.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import gov.envgov.support.security.SecurityProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the realm's machine accounts to least privilege in a service's {@code @WebFluxTest}: the clients of the realm
 * file that have a service account, with the realm roles the file gives them (so a role added there is tested here),
 * against every endpoint the service's controllers map plus the event feed. The service's real security rules decide;
 * {@link AnyPath} answers 200 to whatever they let through, so only the rules are tested.
 */
public final class ClientAccess {

    public static final Path REALM = Path.of("../keycloak/envgov-realm.json");

    /** The internal event feed every service serves ({@code EventFeedController}). */
    public static final Endpoint FEED = new Endpoint(HttpMethod.GET, "/internal/events");

    private static final String SERVICE_ACCOUNT = "service-account-";

    private ClientAccess() {
    }

    /** One method and path, path variables filled with a sample value. */
    public record Endpoint(HttpMethod method, String path) {

        public static Endpoint of(String method, String path) {
            return new Endpoint(HttpMethod.valueOf(method), path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Each client with a service account in the realm file, with the realm roles of that account. */
    public static Map<String, List<String>> serviceAccounts() {
        JsonNode realm;
        try {
            realm = JsonMapper.builder().build().readTree(Files.readString(REALM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> accounts = new LinkedHashMap<>();
        for (JsonNode user : realm.get("users")) {
            JsonNode client = user.get("serviceAccountClientId");
            if (client != null) {
                List<String> roles = new ArrayList<>();
                JsonNode given = user.get("realmRoles");
                if (given != null) {
                    given.forEach(role -> roles.add(role.asString()));
                }
                accounts.put(client.asString(), List.copyOf(roles));
            }
        }
        return accounts;
    }

    /** A test token for the client's service account with exactly the realm roles the realm file gives it. */
    public static String token(String clientId) {
        List<String> roles = serviceAccounts().get(clientId);
        if (roles == null) {
            throw new IllegalArgumentException("no service account for client " + clientId + " in " + REALM);
        }
        return TestTokens.of(SERVICE_ACCOUNT + clientId, roles.toArray(String[]::new));
    }

    /** Every method and path mapped by a controller under the package, and the event feed. */
    public static Set<Endpoint> endpoints(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    ClientAccess.class.getClassLoader());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String[] prefixes = base == null || base.path().length == 0 ? new String[] {""} : base.path();
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                RequestMethod[] methods = mapping.method().length == 0
                        ? new RequestMethod[] {RequestMethod.GET} : mapping.method();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        for (RequestMethod verb : methods) {
                            endpoints.add(new Endpoint(verb.asHttpMethod(), sample(prefix + path)));
                        }
                    }
                }
            }
        }
        endpoints.add(FEED);
        return endpoints;
    }

    /**
     * Calls every endpoint of the service with every machine account of the realm: what the account needs here must
     * pass the security rules, everything else must be 403. Public paths (open to anyone) are left out.
     */
    public static void assertLeastPrivilege(WebTestClient web, SecurityProperties security, String basePackage,
                                            Map<String, Set<Endpoint>> needs) {
        List<PathPattern> open = new ArrayList<>();
        security.publicPaths().forEach(pattern -> open.add(PathPatternParser.defaultInstance.parse(pattern)));
        List<String> wrong = new ArrayList<>();
        Set<Endpoint> endpoints = endpoints(basePackage);
        for (String client : serviceAccounts().keySet()) {
            String token = token(client);
            Set<Endpoint> needed = needs.getOrDefault(client, Set.of());
            for (Endpoint endpoint : endpoints) {
                PathContainer path = PathContainer.parsePath(endpoint.path());
                if (open.stream().anyMatch(pattern -> pattern.matches(path))) {
                    continue;
                }
                HttpStatus status = HttpStatus.valueOf(web.method(endpoint.method()).uri(endpoint.path())
                        .headers(headers -> headers.setBearerAuth(token)).exchange()
                        .returnResult(byte[].class).getStatus().value());
                boolean allowed = status != HttpStatus.FORBIDDEN && status != HttpStatus.UNAUTHORIZED;
                if (allowed != needed.contains(endpoint)) {
                    wrong.add(client + " " + endpoint + " -> " + status.value()
                            + (needed.contains(endpoint) ? " (needed)" : " (not needed, must be 403)"));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("machine accounts reach more or less than they need:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    /** {@code /api/permits/{id}/reports/{frequency}} becomes {@code /api/permits/x1/reports/x1}. */
    static String sample(String template) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    path.append("x1");
                }
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** Answers 200 to any request the security rules let through, in place of the service's controllers. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class AnyPath {

        @Bean
        RouterFunction<ServerResponse> anyPath() {
            return RouterFunctions.route(RequestPredicates.all(), request -> ServerResponse.ok().bodyValue("passed"));
        }
    }
}
