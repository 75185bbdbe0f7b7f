package gov.envgov.credit.subject;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.events.FeedConsumer;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;

@ServiceTest
class CreditSubjectIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String ENT_B = "91211104MA0GB00028";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("credit").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;

    @BeforeEach
    void subjectsFromThePermitFeed() {
        FeedFixtures permitFeed = new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", ENT_B, "盘锦鹤乡食品有限公司", "大洼区", "SIMPLIFIED", 1);
        permitFeed.applyTo(FeedFixtures.named(subscriptions, "credit-subjects"), db, transactions);
    }

    private WebTestClient.ResponseSpec get(String token, String code) {
        return web.get().uri("/api/credit/subjects/" + code).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    @Test
    void aCreditOfficerReadsAnySubject() {
        get(TestTokens.of("credit1", "credit_officer"), ENT_B).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("盘锦鹤乡食品有限公司");
    }

    @Test
    void anEnterpriseReadsOnlyItsOwnSubjectAndGetsNotFoundForAnother() {
        String entA = TestTokens.enterprise("ent-a", ENT_A);
        get(entA, ENT_A).expectStatus().isOk().expectBody().jsonPath("$.district").isEqualTo("兴隆台区");
        get(entA, ENT_B).expectStatus().isNotFound();
    }

    @Test
    void citizensHaveNoAccess() {
        get(TestTokens.of("citizen1", "citizen"), ENT_A).expectStatus().isForbidden();
    }
}
