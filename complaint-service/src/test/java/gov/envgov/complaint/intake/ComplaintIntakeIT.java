package gov.envgov.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.enterprise.EnterpriseDirectory;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;

@ServiceTest
class ComplaintIntakeIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String CITIZEN1 = TestTokens.of("citizen-1-subject", "citizen");
    static final String CITIZEN2 = TestTokens.of("citizen-2-subject", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", ENT_A);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("complaint").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    EnterpriseDirectory directory;
    @Autowired
    EventFeed feed;

    @BeforeEach
    void enterprisesFromThePermitFeed() {
        FeedFixtures permitFeed = new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseChanged", ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY", 2)
                // A replayed older snapshot must not win over the newer one.
                .enterprise("EnterpriseChanged", ENT_A, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 1);
        permitFeed.applyTo(subscriptions.get(0), db, transactions);
    }

    private WebTestClient.ResponseSpec file(String token, Map<String, Object> body) {
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> smoke(String enterprise) {
        var body = new java.util.HashMap<String, Object>(Map.of("category", "AIR",
                "description", "夜间烟囱冒黑烟，气味刺鼻", "district", "兴隆台区",
                "location", Map.of("longitude", 122.07, "latitude", 41.12)));
        if (enterprise != null) {
            body.put("enterpriseCode", enterprise);
        }
        return body;
    }

    @Test
    void theDirectoryKeepsTheNewestSnapshotWhateverOrderEventsArrive() {
        assertThat(directory.find(ENT_A).block().name()).isEqualTo("盘锦辽河石化示范有限公司");
        assertThat(directory.find(ENT_A).block().version()).isEqualTo(2);
    }

    @Test
    void aCitizenFilesAComplaintAboutAKnownEnterpriseAndReadsItBack() {
        String id = file(CITIZEN1, smoke(ENT_A)).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.channel").isEqualTo("WEB")
                .jsonPath("$.enterprise.name").isEqualTo("盘锦辽河石化示范有限公司")
                .jsonPath("$.trackingCode").value(code -> assertThat((String) code).matches("HB\\d{8}-[2-9A-Z]{8}"))
                .returnResult().getResponseHeaders().getLocation().getPath().replace("/api/complaints/", "");

        web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN1).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("夜间烟囱冒黑烟，气味刺鼻");
        assertThat(feed.read(0, 100).block().events())
                .filteredOn(event -> event.aggregateId().equals(id))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo("ComplaintRegistered");
                    assertThat(event.payload().toString()).doesNotContain("citizen-1-subject");
                });
    }

    @Test
    void anotherCitizenGetsNotFoundForAComplaintThatIsNotTheirs() {
        String location = file(CITIZEN1, smoke(null)).expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation().getPath();
        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN2).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN2).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aHotlineOperatorFilesForACallerOrALetterAndCitizensFromWebOrApp() {
        file(OPERATOR, smoke(null)).expectStatus().isCreated().expectBody().jsonPath("$.channel").isEqualTo("HOTLINE");
        var letter = smoke(null);
        letter.put("channel", "LETTER");
        file(OPERATOR, letter).expectStatus().isCreated().expectBody().jsonPath("$.channel").isEqualTo("LETTER");
        file(CITIZEN1, letter).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        var app = smoke(null);
        app.put("channel", "APP");
        file(CITIZEN1, app).expectStatus().isCreated().expectBody().jsonPath("$.channel").isEqualTo("APP");
    }

    @Test
    void anEnterpriseUnknownToTheRegistryIsAFieldError() {
        String unknown = gov.envgov.support.code.UnifiedSocialCreditCode.complete("91211103MA0GY0009");
        file(CITIZEN1, smoke(unknown)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("enterpriseCode")
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:unknown-enterprise");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        var body = smoke(null);
        body.put("category", "SMELLS");
        file(CITIZEN1, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var blank = smoke(null);
        blank.put("description", "");
        blank.put("district", "");
        file(CITIZEN1, blank).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
        web.get().uri("/api/complaints/not-a-uuid").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN1)
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aLocationPickedOnAChineseMapIsStoredInWgs84() {
        var gcj = gov.envgov.complaint.geo.Coordinates.wgs84ToGcj02(122.07, 41.12);
        var body = smoke(null);
        body.put("location", Map.of("longitude", gcj.longitude(), "latitude", gcj.latitude()));
        body.put("coordinateSystem", "GCJ02");
        file(CITIZEN1, body).expectStatus().isCreated().expectBody()
                .jsonPath("$.location.longitude").value(lon -> assertThat((Double) lon).isCloseTo(122.07,
                        org.assertj.core.api.Assertions.within(1e-6)))
                .jsonPath("$.location.latitude").value(lat -> assertThat((Double) lat).isCloseTo(41.12,
                        org.assertj.core.api.Assertions.within(1e-6)));
    }

    @Test
    void enterprisesCannotFileAndAnonymousCallersAreUnauthorized() {
        file(ENTERPRISE, smoke(null)).expectStatus().isForbidden();
        web.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(smoke(null)).exchange()
                .expectStatus().isUnauthorized();
    }
}
