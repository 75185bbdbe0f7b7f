package gov.envgov.complaint.open311;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

import gov.envgov.support.config.ApiProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The Open311 operations as GeoReport v2 answers them (API-DOCUMENTED-RESPONSES): each document in JSON (its schema
 * here, since the controller writes plain maps) or XML by the path's extension, and errors as the specification's
 * {@code errors} list with code 400, 403 or 404, not as problems. The platform's customizer documents the problems
 * the gateway and an outage answer on these paths ({@code envgov.api-docs.own-error-format-paths}); a body over the
 * limit is refused by the platform's body limit before this controller runs, as a problem.
 */
@Component
class Open311ApiDescription implements GlobalOpenApiCustomizer {

    private static final String PREFIX = "/open311/v2";
    private static final String REF = "#/components/schemas/";
    private static final String JSON = "application/json";
    private static final String XML = "text/xml";
    /** The platform's input check runs before this controller, on these paths too, and answers a problem. */
    private static final String INPUT_CHECK = "a control character or is blank: the platform's input check refuses it";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null || api.getComponents() == null) {
            return;
        }
        schemas().forEach(api.getComponents()::addSchemas);
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith(PREFIX)) {
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        String endpoint = path.substring(PREFIX.length());
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (endpoint.startsWith("/media/")) {
            responses.addApiResponse("200", described(responses.get("200"), "The image").content(new Content()
                    .addMediaType("image/jpeg", new MediaType().schema(binary()))
                    .addMediaType("image/png", new MediaType().schema(binary()))));
            error(responses, "404", "No such photo, or its request is not public");
            responses.addApiResponse("400", new ApiResponse().description("The photo id holds " + INPUT_CHECK
                    + " (a problem)").content(new Content()
                    .addMediaType(ApiProblemResponses.PROBLEM_JSON, new MediaType().schema(problem()))));
            return;
        }
        String document = switch (endpoint) {
            case "/discovery.{format}" -> "Open311Discovery";
            case "/services.{format}" -> "Open311Services";
            case "/services/{serviceCode}.{format}" -> "Open311ServiceDefinition";
            case "/tokens/{token}.{format}" -> "Open311Tokens";
            case "/requests.{format}" -> method == PathItem.HttpMethod.POST ? "Open311Created" : "Open311Requests";
            default -> "Open311Requests";
        };
        String success = method == PathItem.HttpMethod.POST ? "201" : "200";
        if (!"200".equals(success)) {
            responses.remove("200");
        }
        responses.addApiResponse(success, described(responses.get(success), "The document").content(
                representations(document)));
        error(responses, "400", "A parameter or field is missing or wrong, or the format is neither json nor xml; "
                + "or a value holds " + INPUT_CHECK + ", as a problem");
        responses.get("400").getContent().addMediaType(ApiProblemResponses.PROBLEM_JSON,
                new MediaType().schema(problem()));
        if (endpoint.contains("}.{format}")) {
            error(responses, "404", "No such object, or it is not published");
        }
        if (method == PathItem.HttpMethod.POST) {
            error(responses, "403", "api_key is missing or not valid");
            responses.addApiResponse("413", new ApiResponse().description("The body is larger than this endpoint "
                    + "takes (the platform's problem)").content(new Content().addMediaType(
                    ApiProblemResponses.PROBLEM_JSON, new MediaType().schema(problem()))));
        }
    }

    private static ApiResponse described(ApiResponse existing, String description) {
        ApiResponse response = existing == null ? new ApiResponse() : existing;
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        return response;
    }

    private static void error(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, described(responses.get(status), description)
                .content(representations("Open311Errors")));
    }

    private static Content representations(String jsonSchema) {
        return new Content().addMediaType(JSON, new MediaType().schema(ref(jsonSchema)))
                .addMediaType(XML, new MediaType().schema(typed("string")));
    }

    static Map<String, Schema<?>> schemas() {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put("Open311Errors", array(object(Map.of("code", typed("integer"), "description", typed("string")),
                "code", "description")));
        schemas.put("Open311Discovery", object(Map.of("changeset", typed("string"), "contact", typed("string"),
                "key_service", typed("string"), "endpoints", array(object(Map.of("specification", typed("string"),
                        "url", typed("string"), "changeset", typed("string"), "type", typed("string"),
                        "formats", array(typed("string"))), "url", "formats"))), "changeset", "endpoints"));
        schemas.put("Open311Services", array(object(Map.of("service_code", typed("string"),
                "service_name", typed("string"), "description", typed("string"), "metadata", typed("boolean"),
                "type", typed("string"), "keywords", typed("string"), "group", typed("string")),
                "service_code", "service_name", "metadata", "type")));
        schemas.put("Open311ServiceDefinition", object(Map.of("service_code", typed("string"),
                "attributes", array(object(Map.of("variable", typed("boolean"), "code", typed("string"),
                        "datatype", typed("string"), "required", typed("boolean"),
                        "datatype_description", typed("string", "null"), "order", typed("integer"),
                        "description", typed("string"),
                        "values", typed("array", "null").items(object(Map.of("key", typed("string"),
                                "name", typed("string")), "key", "name"))), "code", "datatype", "required"))),
                "service_code", "attributes"));
        schemas.put("Open311Created", array(object(Map.of("service_request_id", typed("string"),
                "token", typed("string"), "service_notice", typed("string", "null"),
                "account_id", typed("string", "null")), "service_request_id")));
        schemas.put("Open311Tokens", array(object(Map.of("service_request_id", typed("string"),
                "token", typed("string")), "service_request_id", "token")));
        Map<String, Schema<?>> request = new LinkedHashMap<>();
        request.put("service_request_id", typed("string"));
        request.put("status", typed("string")._enum(List.of("open", "closed")));
        for (String text : List.of("status_notes", "service_name", "service_code", "description",
                "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                "expected_datetime", "address", "address_id", "zipcode", "media_url")) {
            request.put(text, typed("string", "null"));
        }
        request.put("lat", typed("number", "null"));
        request.put("long", typed("number", "null"));
        schemas.put("Open311Requests", array(object(request, "service_request_id", "status")));
        return schemas;
    }

    private static Schema<Object> object(Map<String, Schema<?>> properties, String... required) {
        Schema<Object> object = typed("object");
        properties.forEach(object::addProperty);
        return object.required(List.of(required));
    }

    private static Schema<Object> array(Schema<?> items) {
        return typed("array").items(items);
    }

    private static Schema<Object> binary() {
        return typed("string").format("binary");
    }

    private static Schema<Object> problem() {
        return ref(ApiProblemResponses.PROBLEM);
    }

    private static Schema<Object> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    /** The first type for OpenAPI 3.0 ({@code nullable} when null is allowed), all of them for 3.1. */
    private static Schema<Object> typed(String type, String... orNull) {
        Set<String> types = new LinkedHashSet<>(List.of(type));
        types.addAll(List.of(orNull));
        Schema<Object> schema = new Schema<>();
        schema.type(type).types(types);
        if (orNull.length > 0) {
            schema.nullable(true);
        }
        return schema;
    }
}
