package gov.envgov.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.complaint.geo.Coordinates;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** GeoReport v2 conformance in JSON and XML, api keys, and no personal data in any read. */
@ServiceTest
class Open311IT {

    static final String ADMIN = TestTokens.of("admin1", "admin");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("open311").register(registry);
    }

    @Autowired
    WebTestClient web;

    private String apiKey;

    @BeforeEach
    void issueKey() {
        apiKey = web.post().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "City app"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("apiKey").asString();
    }

    private MultiValueMap<String, String> form(String key) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (key != null) {
            form.add("api_key", key);
        }
        form.add("service_code", "air");
        form.add("attribute[district]", "兴隆台区");
        form.add("lat", "41.1200");
        form.add("long", "122.0700");
        form.add("description", "工厂烟囱冒黑烟，联系我 13812345678");
        form.add("first_name", "三");
        form.add("last_name", "张");
        form.add("phone", "13812345678");
        form.add("attribute[public]", "true");
        return form;
    }

    private WebTestClient.ResponseSpec post(String format, MultiValueMap<String, String> form) {
        return web.post().uri("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    @Test
    void discoveryServicesAndDefinitionsInBothFormats() {
        web.get().uri("/open311/v2/discovery.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.endpoints[0].specification").isEqualTo("http://wiki.open311.org/GeoReport_v2")
                .jsonPath("$.endpoints[0].formats[1]").isEqualTo("application/json");
        web.get().uri("/open311/v2/discovery.xml").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody().xpath("/discovery/endpoints/endpoint/formats/format[1]").isEqualTo("text/xml");
        web.get().uri("/open311/v2/services.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].service_code").isEqualTo("air").jsonPath("$.length()").isEqualTo(8);
        web.get().uri("/open311/v2/services.xml").exchange().expectStatus().isOk().expectBody()
                .xpath("/services/service[2]/service_code").isEqualTo("water");
        web.get().uri("/open311/v2/services/air.xml").exchange().expectStatus().isOk().expectBody()
                .xpath("/service_definition/attributes/attribute[code='district']/required").isEqualTo("false")
                .xpath("count(/service_definition/attributes/attribute[code='district']/values/value)").isEqualTo(5.0);
    }

    @Test
    void errorsUseTheOpen311ShapeIn400403And404() {
        web.get().uri("/open311/v2/services/nope.json").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$[0].code").isEqualTo(404).jsonPath("$[0].description").isEqualTo("no service nope");
        web.get().uri("/open311/v2/services/nope.xml").exchange().expectStatus().isNotFound().expectBody()
                .xpath("/errors/error/code").isEqualTo("404");
        post("json", form(null)).expectStatus().isForbidden().expectBody().jsonPath("$[0].code").isEqualTo(403);
        post("xml", form("not-a-key-at-all-000")).expectStatus().isForbidden().expectBody()
                .xpath("/errors/error/code").isEqualTo("403");
        MultiValueMap<String, String> noDistrict = form(apiKey);
        noDistrict.remove("attribute[district]");
        noDistrict.remove("lat");
        noDistrict.remove("long");
        noDistrict.add("address_string", "石油大街 1 号");
        post("json", noDistrict).expectStatus().isBadRequest().expectBody().jsonPath("$[0].code").isEqualTo(400);
        web.get().uri("/open311/v2/requests.json?start_date=yesterday").exchange().expectStatus().isBadRequest();
        web.get().uri("/open311/v2/requests/HB00000000-NOTHING.json").exchange().expectStatus().isNotFound();
    }

    @Test
    void aPostedRequestIsReadBackWithoutPersonalData() {
        JsonNode created = post("json", form(apiKey)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get(0);
        String id = created.get("service_request_id").asString();
        String token = created.get("token").asString();

        String one = web.get().uri("/open311/v2/requests/" + id + ".json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(one).contains("\"status\":\"open\"").contains("已登记")
                .doesNotContain("13812345678").doesNotContain("张三");
        String xml = web.get().uri("/open311/v2/requests/" + id + ".xml").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(xml).contains("<service_request_id>" + id + "</service_request_id>")
                .doesNotContain("13812345678");

        web.get().uri("/open311/v2/tokens/" + token + ".json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].service_request_id").isEqualTo(id);
        web.get().uri("/open311/v2/requests.json?status=open&service_code=air").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.service_request_id == '" + id + "')]").exists();
        web.get().uri("/open311/v2/requests.json?status=closed").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.service_request_id == '" + id + "')]").doesNotExist();
        web.get().uri("/open311/v2/requests.json?service_request_id=" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void chineseMapCoordinatesBecomeWgs84() {
        Coordinates.Point gcj = Coordinates.wgs84ToGcj02(122.07, 41.12);
        MultiValueMap<String, String> form = form(apiKey);
        form.set("lat", String.valueOf(gcj.latitude()));
        form.set("long", String.valueOf(gcj.longitude()));
        form.add("attribute[coordinate_system]", "gcj02");
        String id = post("json", form).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get(0).get("service_request_id").asString();
        JsonNode stored = web.get().uri("/open311/v2/requests/" + id + ".json").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get(0);
        assertThat(stored.get("lat").asDouble()).isCloseTo(41.12, within(1e-6));
        assertThat(stored.get("long").asDouble()).isCloseTo(122.07, within(1e-6));
    }

    @Test
    void onlyAdminsManageKeysAndARevokedKeyStopsWorking() {
        web.get().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.of("operator1", "hotline_operator")).exchange().expectStatus().isForbidden();
        JsonNode clients = web.get().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(clients.toString()).doesNotContain(apiKey);
        String clientId = clients.get(clients.size() - 1).get("id").asString();
        web.delete().uri("/api/open311/clients/" + clientId).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .exchange().expectStatus().isNoContent();
        post("json", form(apiKey)).expectStatus().isForbidden();
    }
}
