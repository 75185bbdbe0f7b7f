package gov.envgov.permit.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;

/** permit-service against a real PostgreSQL, with the real security rules and test tokens. */
@ServiceTest
class EnterpriseRegistryIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String ENT_B = "91211104MA0GB00028";

    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String CITIZEN = TestTokens.of("citizen1", "citizen");
    static final String OWNER_A = TestTokens.enterprise("ent-a", ENT_A);
    static final String OWNER_B = TestTokens.enterprise("ent-b", ENT_B);
    static final String SERVICE = TestTokens.of("service-account-credit-service", "service");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit").register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    EventFeed feed;

    static Map<String, Object> unit(String code, String name, String district) {
        return Map.of("code", code, "name", name, "district", district, "industryCode", "C2511",
                "managementClass", "KEY", "address", "示范路1号",
                "location", Map.of("longitude", 122.05, "latitude", 41.1),
                "contact", Map.of("name", "王工", "phone", "0427-1234567"));
    }

    private WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String path, Object body) {
        return web.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    @Test
    void adminRegistersAnEnterpriseAndItsEventIsOnTheFeed() {
        post(ADMIN, "/api/enterprises", unit(ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/enterprises/" + ENT_A)
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.contact.phone").isEqualTo("0427-1234567");

        List<FeedEvent> events = feed.read(0, 100).block().events();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("EnterpriseRegistered");
            assertThat(event.aggregateId()).isEqualTo(ENT_A);
            assertThat(event.payload().get("enterprise").get("district").asString()).isEqualTo("兴隆台区");
            assertThat(event.payload().get("enterprise").has("contact")).isFalse();
        });

        post(ADMIN, "/api/enterprises", unit(ENT_A, "again", "兴隆台区")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:enterprise-exists");
    }

    @Test
    void aCodeWithAWrongCheckCharacterIsAFieldError() {
        post(ADMIN, "/api/enterprises", unit("91211103MA0GA0001X", "x", "兴隆台区"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation");
    }

    @Test
    void anUnknownDistrictIsRefusedWithItsField() {
        String valid = gov.envgov.support.code.UnifiedSocialCreditCode.complete("91211104MA0GB0003");
        post(ADMIN, "/api/enterprises", unit(valid, "x", "海淀区"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("district");
    }

    @Test
    void aCitizenMayNotRegisterAndAnonymousCallersAreUnauthorized() {
        post(CITIZEN, "/api/enterprises", unit(ENT_B, "x", "大洼区")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        web.get().uri("/api/enterprises").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
        web.get().uri("/api/enterprises").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheEnterpriseItselfOrStaffSeeAndChangeItsContact() {
        String code = gov.envgov.support.code.UnifiedSocialCreditCode.complete("91211104MA0GB0004");
        post(ADMIN, "/api/enterprises", unit(code, "盘锦鹤乡食品示范有限公司", "大洼区")).expectStatus().isCreated();
        String owner = TestTokens.enterprise("ent-x", code);

        get(CITIZEN, "/api/enterprises/" + code).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("盘锦鹤乡食品示范有限公司").jsonPath("$.contact").doesNotExist();
        get(owner, "/api/enterprises/" + code).expectStatus().isOk()
                .expectBody().jsonPath("$.contact.name").isEqualTo("王工");

        Map<String, Object> change = Map.of("version", 1, "contact", Map.of("name", "李工", "phone", "13800000000"));
        put(OWNER_B, "/api/enterprises/" + code + "/contact", change).expectStatus().isForbidden();
        put(owner, "/api/enterprises/" + code + "/contact", change).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.contact.name").isEqualTo("李工");
        put(owner, "/api/enterprises/" + code + "/contact", change).expectStatus().isEqualTo(409);
        put(owner, "/api/enterprises/" + code, Map.of("version", 2, "name", "改名", "district", "大洼区",
                "managementClass", "KEY")).expectStatus().isForbidden();
    }

    @Test
    void staffChangesPublishTheNewSnapshotAndAreAudited() {
        String code = gov.envgov.support.code.UnifiedSocialCreditCode.complete("91211122MA0GC0005");
        post(ADMIN, "/api/enterprises", unit(code, "盘锦北方化工有限公司", "盘山县")).expectStatus().isCreated();
        put(ADMIN, "/api/enterprises/" + code, Map.of("version", 1, "name", "盘锦北方精细化工有限公司",
                "district", "盘山县", "industryCode", "C2619", "managementClass", "SIMPLIFIED"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.managementClass").isEqualTo("SIMPLIFIED");

        assertThat(feed.read(0, 1000).block().events()).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("EnterpriseChanged");
            assertThat(event.payload().get("enterprise").get("version").asLong()).isEqualTo(2);
            assertThat(event.payload().get("enterprise").get("name").asString()).isEqualTo("盘锦北方精细化工有限公司");
        });
        get(ADMIN, "/api/enterprises/" + code + "/history").expectStatus().isOk()
                .expectBody().jsonPath("$[0].action").isEqualTo("register").jsonPath("$[1].action").isEqualTo("change")
                .jsonPath("$[1].actor").isEqualTo("admin1");
        get(CITIZEN, "/api/enterprises/" + code + "/history").expectStatus().isForbidden();
    }

    @Test
    void importSkipsCodesAlreadyRegisteredAndSearchPages() {
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String code = gov.envgov.support.code.UnifiedSocialCreditCode.complete(
                    String.format("91211102MA0H%05d", i));
            batch.add(unit(code, "盘锦双台纸业" + i, "双台子区"));
        }
        post(ADMIN, "/api/enterprises/import", Map.of("enterprises", batch)).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(30).jsonPath("$.alreadyRegistered").isEqualTo(0);
        post(ADMIN, "/api/enterprises/import", Map.of("enterprises", batch.subList(0, 5))).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(0).jsonPath("$.alreadyRegistered").isEqualTo(5);

        get(CITIZEN, "/api/enterprises?district=双台子区&q=双台纸业&page=1&size=20").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(30).jsonPath("$.items.length()").isEqualTo(10)
                .jsonPath("$.page").isEqualTo(1);
        get(CITIZEN, "/api/enterprises?size=500").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:validation");
    }

    @Test
    void theFeedIsOnlyForServiceAccounts() {
        get(ADMIN, "/internal/events").expectStatus().isForbidden();
        get(SERVICE, "/internal/events?after=0&limit=10").expectStatus().isOk()
                .expectBody().jsonPath("$.events").isArray();
        get(SERVICE, "/internal/events?limit=0").expectStatus().isBadRequest();
    }

    @Test
    void unknownEnterpriseIsAProblem404AndTheServiceDescribesAndReportsItself() {
        get(CITIZEN, "/api/enterprises/" + ENT_B).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/enterprises/{code}']").exists();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes")
                        .contains("http_server_requests"));
    }
}
