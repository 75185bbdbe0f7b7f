package gov.envgov.support.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import gov.envgov.support.problem.ControlCharacters;
import gov.envgov.support.problem.RequestProblems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place every service checks what arrives outside a JSON body (ERR-CONTROL-CHARS): query parameters,
 * headers, form fields and path segments with a control character, and path variables that are blank
 * ({@code /api/public/permits/%20}), are answered 400 naming the parameter, header, field or path variable, before
 * security or a controller sees them. JSON bodies are checked where they are read ({@link ControlCharacters}).
 */
public class InputCheck implements WebFilter, Ordered {

    /** A name we repeat to the client; anything else is called by its place ("query", "header"). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,64}");

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public InputCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MultiValueMap<String, String> query;
        List<PathContainer.Element> path;
        try {
            query = request.getQueryParams();
            path = request.getPath().pathWithinApplication().elements();
        } catch (IllegalArgumentException badEncoding) {
            return Mono.error(RequestProblems.invalid("uri", "must be correctly percent-encoded UTF-8"));
        }
        String bad = firstBad(query, "query");
        if (bad == null) {
            bad = firstBad(request.getHeaders().asMultiValueMap(), "header");
        }
        if (bad != null) {
            return Mono.error(RequestProblems.controlCharacters(bad));
        }
        boolean suspectPath = path.stream().anyMatch(element -> element instanceof PathContainer.PathSegment segment
                && (ControlCharacters.present(segment.valueToMatch()) || isBlank(segment.valueToMatch())));
        Mono<Void> checked = suspectPath ? pathVariables(exchange) : Mono.empty();
        if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(request.getHeaders().getContentType())) {
            // The exchange keeps the form it read, so the controller reads it again from there.
            checked = checked.then(exchange.getFormData().flatMap(form -> {
                String field = firstBad(form, "form");
                return field == null ? Mono.empty() : Mono.error(RequestProblems.controlCharacters(field));
            }));
        }
        return checked.then(chain.filter(exchange));
    }

    /**
     * Finds which path variable holds the control character or the blank: the handler mapping matches the request
     * (only for such rare requests) and says which value each variable has. A segment outside any variable is
     * called "path".
     */
    private Mono<Void> pathVariables(ServerWebExchange exchange) {
        return Flux.fromStream(mappings.orderedStream())
                .concatMap(mapping -> mapping.getHandler(exchange).onErrorResume(error -> Mono.empty()))
                .next()
                .flatMap(handler -> {
                    Map<String, String> variables = exchange.getAttribute(
                            HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                    if (variables != null) {
                        for (Map.Entry<String, String> variable : variables.entrySet()) {
                            if (ControlCharacters.present(variable.getValue())) {
                                return Mono.error(RequestProblems.controlCharacters(variable.getKey()));
                            }
                            if (isBlank(variable.getValue())) {
                                return Mono.error(RequestProblems.blank(variable.getKey()));
                            }
                        }
                    }
                    return Mono.<Void>empty();
                })
                .then(Mono.defer(() -> controlInSegments(exchange)
                        ? Mono.<Void>error(RequestProblems.controlCharacters("path")) : Mono.empty()));
    }

    private static boolean controlInSegments(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().elements().stream()
                .anyMatch(element -> element instanceof PathContainer.PathSegment segment
                        && ControlCharacters.present(segment.valueToMatch()));
    }

    private static boolean isBlank(String value) {
        return !value.isEmpty() && value.isBlank();
    }

    /** The name of the first entry with a control character in its name or a value; null when there is none. */
    private static String firstBad(MultiValueMap<String, String> values, String place) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            boolean badName = ControlCharacters.present(entry.getKey());
            boolean badValue = entry.getValue().stream().anyMatch(value -> value != null
                    && ControlCharacters.present(value));
            if (badName || badValue) {
                return !badName && PLAIN_NAME.matcher(entry.getKey()).matches() ? entry.getKey() : place;
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // After the body limit (a form is read here), before security.
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
