package gov.envgov.support.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import gov.envgov.support.security.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Every operation's description lists the problem answers it can really give, as {@code application/problem+json}
 * with the {@code Problem} schema that {@code ProblemAdvice}, {@code ProblemResponses} and the gateway write
 * (API-DOCUMENTED-RESPONSES): 400 where it reads parameters or a body, 401 and 403 where it needs a token (public
 * paths need none, and say so with an empty security requirement), 404 where a path variable names an object, 409
 * and 422 where it writes, 413 and 415 where it reads a body, 429 where the gateway limits it (public paths, writes)
 * and 503/504 everywhere (an outage behind the gateway or in the service). Paths that answer errors in a format of
 * their own (Open311) get only the problems the gateway and the outage handling write; their service documents the
 * rest. A status an operation documents itself keeps its description and gets the problem's content.
 */
public class ApiProblemResponses implements GlobalOpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM = "Problem";

    private static final String REF = "#/components/schemas/";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private final List<PathPattern> publicPaths;
    private final List<PathPattern> ownErrorFormatPaths;

    /**
     * @param publicPaths         the path patterns served without a token ({@code envgov.security.public-paths})
     * @param ownErrorFormatPaths the path patterns whose errors are not problems
     *                            ({@code envgov.api-docs.own-error-format-paths})
     */
    public ApiProblemResponses(List<String> publicPaths, List<String> ownErrorFormatPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.ownErrorFormatPaths = ownErrorFormatPaths.stream().map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        schemas().forEach(api.getComponents()::addSchemas);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = matches(publicPaths, path);
        boolean write = WRITES.contains(method);
        if (open) {
            // The document's global bearer requirement does not hold here: these paths answer without a token.
            operation.setSecurity(List.of());
        }
        Map<String, String> answers = new LinkedHashMap<>();
        if (!matches(ownErrorFormatPaths, path)) {
            boolean reads = operation.getRequestBody() != null;
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            if (reads || !parameters.isEmpty()) {
                answers.put("400", "A parameter or the body is malformed or invalid: `errors` names each field and "
                        + "what it accepts");
            }
            if (!open) {
                answers.put("401", "No valid bearer token (the answer carries a `WWW-Authenticate` challenge)");
                answers.put("403", "The token's roles, or the caller's relation to the object, do not allow this");
            }
            if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
                answers.put("404", "No such object, or not the caller's to see (answered alike): `resource` names "
                        + "its kind");
            }
            if (write) {
                answers.put("409", "The object's state or a concurrent change forbids this: `blockedBy` names the "
                        + "object that blocks, `requiredStep` the step that comes first");
                answers.put("422", "Well-formed, but a rule refuses it: `errors` names the field");
            }
            if (reads) {
                answers.put("413", "The body is larger than this endpoint takes: `maxBytes` says how large");
                answers.put("415", "The body is not of a media type this endpoint reads");
            }
        }
        if (open || write) {
            answers.put("429", "Over the gateway's rate limit for this client; see `Retry-After`");
        }
        answers.put("503", "The service or something it needs is out of reach; see `Retry-After`");
        answers.put("504", "The service behind the gateway did not answer in time; see `Retry-After`");

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        answers.forEach((status, description) -> {
            ApiResponse response = responses.get(status);
            if (response == null) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(problem()));
            } else {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(description);
                }
                response.setContent(problem());
            }
        });
        if (!matches(ownErrorFormatPaths, path)) {
            // A 4xx an operation declared on its own (a 422 with its reason) is a problem as well, whatever the
            // return type of the method would have made of it.
            responses.forEach((status, response) -> {
                if (status.startsWith("4") && !answers.containsKey(status)) {
                    response.setContent(problem());
                }
            });
        }
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static Content problem() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(REF + PROBLEM)));
    }

    /** The problem document and its members, as the platform writes them. */
    static Map<String, Schema<?>> schemas() {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put("ProblemFieldError", object("A field or parameter and what it must be")
                .addProperty("field", text("The field's JSON path or the parameter's name"))
                .addProperty("message", text("What the field accepts, never the value sent"))
                .required(List.of("field", "message")));
        schemas.put("ProblemBlocker", object("The object that blocks the request")
                .addProperty("type", text("Its kind, such as permit application"))
                .addProperty("id", text("Its id or number"))
                .addProperty("status", text("Its state, when the state is what blocks"))
                .required(List.of("type", "id")));
        schemas.put(PROBLEM, object("An RFC 9457 problem document")
                .addProperty("type", text("Stable problem type, urn:envgov:problem:*").format("uri"))
                .addProperty("title", text("Short summary of the problem's type"))
                .addProperty("status", typed("integer", "The HTTP status").format("int32"))
                .addProperty("detail", text("What went wrong in this request"))
                .addProperty("instance", text("The request's path").format("uri-reference"))
                .addProperty("errors", typed("array", "Each field or parameter that is wrong")
                        .items(new Schema<>().$ref(REF + "ProblemFieldError")))
                .addProperty("globalErrors", typed("array", "Errors of the body as a whole").items(text(null)))
                .addProperty("resource", text("404: the kind of object that was not found"))
                .addProperty("blockedBy", new Schema<>().$ref(REF + "ProblemBlocker"))
                .addProperty("requiredStep", text("409: the step that must come first"))
                .addProperty("maxBytes", typed("integer", "413: the largest body this endpoint takes")
                        .format("int64"))
                .addProperty("retryAfterSeconds", typed("integer", "503: seconds to wait before retrying")
                        .format("int64"))
                .addProperty("traceId", text("500: the id under which the error was logged"))
                .required(List.of("type", "title", "status")));
        return schemas;
    }

    private static Schema<Object> object(String description) {
        return typed("object", description);
    }

    private static Schema<Object> text(String description) {
        return typed("string", description);
    }

    /** A schema of one type, written as OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) both expect it. */
    private static Schema<Object> typed(String type, String description) {
        Schema<Object> schema = new Schema<>();
        schema.type(type).types(Set.of(type)).description(description);
        return schema;
    }

    /** Wires the customizer where the service publishes an OpenAPI description. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    static class Wiring {

        @Bean
        ApiProblemResponses apiProblemResponses(SecurityProperties security,
                @Value("${envgov.api-docs.own-error-format-paths:}") List<String> ownErrorFormatPaths) {
            return new ApiProblemResponses(security.publicPaths(), ownErrorFormatPaths.stream()
                    .filter(path -> !path.isBlank()).toList());
        }
    }
}
