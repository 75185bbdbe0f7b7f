package gov.envgov.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("API-DOCUMENTED-RESPONSES: every operation documents the problem answers it can really give")
class ApiProblemResponsesTest {

    private final ApiProblemResponses customizer = new ApiProblemResponses(List.of("/api/public/**", "/open311/**"),
            List.of("/open311/**"));

    private static Operation ok() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                .description("OK").content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/PermitResponse"))))));
    }

    private static OpenAPI api(String path, PathItem item) {
        return new OpenAPI().specVersion(SpecVersion.V31).paths(new Paths().addPathItem(path, item));
    }

    @Test
    void aSignedInWriteWithAPathVariableAndABodyDocumentsEveryProblemItCanAnswer() {
        Operation accept = ok().addParametersItem(new PathParameter().name("id"))
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json",
                        new MediaType())));
        customizer.customise(api("/api/permits/{id}/accept", new PathItem().post(accept)));

        assertThat(accept.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409", "422", "413",
                "415", "429", "503", "504");
        assertThat(accept.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(accept.getResponses().get("409").getContent().get("application/problem+json").getSchema()
                .get$ref()).isEqualTo("#/components/schemas/Problem");
        assertThat(accept.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
        assertThat(accept.getSecurity()).as("the document's bearer requirement holds").isNull();
    }

    @Test
    void aSignedInReadWithoutParametersIsNeither400Nor404NorRateLimited() {
        Operation queue = ok();
        customizer.customise(api("/api/permits/review-queue", new PathItem().get(queue)));

        assertThat(queue.getResponses()).containsOnlyKeys("200", "401", "403", "503", "504");
    }

    @Test
    void aPublicReadNeedsNoTokenAndIsRateLimited() {
        Operation disclosed = ok().addParametersItem(new QueryParameter().name("district"));
        customizer.customise(api("/api/public/permits", new PathItem().get(disclosed)));

        assertThat(disclosed.getSecurity()).as("no token needed").isEmpty();
        assertThat(disclosed.getResponses()).containsOnlyKeys("200", "400", "429", "503", "504");
    }

    @Test
    void pathsWithAnErrorFormatOfTheirOwnGetOnlyTheGatewaysAndTheOutagesProblems() {
        Operation definition = ok().addParametersItem(new PathParameter().name("serviceCode"));
        definition.getResponses().addApiResponse("404", new ApiResponse().description("errors[error]")
                .content(new Content().addMediaType("application/json", new MediaType())));
        customizer.customise(api("/open311/v2/services/{serviceCode}.{format}", new PathItem().get(definition)));

        assertThat(definition.getResponses()).containsOnlyKeys("200", "404", "429", "503", "504");
        assertThat(definition.getResponses().get("404").getContent()).as("Open311's own format, left alone")
                .containsOnlyKeys("application/json");
        assertThat(definition.getSecurity()).isEmpty();
    }

    @Test
    void aStatusTheOperationDocumentsItselfKeepsItsWordsAndGetsTheProblemAsContent() {
        Operation dispatch = ok().addParametersItem(new PathParameter().name("id"));
        dispatch.getResponses()
                .addApiResponse("409", new ApiResponse().description("Not waiting for dispatch").content(
                        new Content().addMediaType("*/*", new MediaType().schema(new Schema<>()
                                .$ref("#/components/schemas/ComplaintResponse")))))
                .addApiResponse("410", new ApiResponse().description("Gone for good"));
        customizer.customise(api("/api/complaints/{id}/dispatch", new PathItem().post(dispatch)));

        assertThat(dispatch.getResponses().get("409").getDescription()).isEqualTo("Not waiting for dispatch");
        assertThat(dispatch.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(dispatch.getResponses().get("410").getContent()).containsOnlyKeys("application/problem+json");
    }

    @Test
    void theProblemSchemaIsWrittenWithItsTypesInOpenApi31AndNamesTheMembersThePlatformWrites() {
        OpenAPI api = api("/api/permits", new PathItem().get(ok()));
        customizer.customise(api);
        customizer.customise(api); // springdoc may apply it to a cached document again: the same result

        JsonNode written = JsonMapper.builder().build().readTree(Json31.pretty(api));
        JsonNode problem = written.path("components").path("schemas").path("Problem");
        assertThat(problem.path("type").asString()).isEqualTo("object");
        assertThat(problem.path("properties").path("status").path("type").asString()).isEqualTo("integer");
        assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail",
                "instance", "errors", "globalErrors", "resource", "blockedBy", "requiredStep", "maxBytes",
                "retryAfterSeconds", "traceId");
        assertThat(written.path("components").path("schemas").path("ProblemFieldError").path("required"))
                .hasSize(2);
        assertThat(written.path("paths").path("/api/permits").path("get").path("responses")).hasSize(5);
    }
}
