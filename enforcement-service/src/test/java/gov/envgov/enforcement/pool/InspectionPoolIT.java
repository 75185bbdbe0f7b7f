package gov.envgov.enforcement.pool;

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
class InspectionPoolIT {

    static final String KEY_UNIT = "91211103MA0GA0001Y";
    static final String SMALL_UNIT = "91211104MA0GB00028";
    static final String INSPECTOR = TestTokens.staff("inspector1", "兴隆台区", "inspector");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement").register(registry);
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
    void poolFromThePermitFeed() {
        FeedFixtures permitFeed = new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", KEY_UNIT, "盘锦辽河石化有限公司", "兴隆台区", "SIMPLIFIED", 1)
                .enterprise("EnterpriseRegistered", SMALL_UNIT, "盘锦鹤乡食品有限公司", "大洼区", "REGISTRATION", 1)
                .enterprise("EnterpriseChanged", KEY_UNIT, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 2);
        permitFeed.applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
    }

    @Test
    void theInspectionPoolFollowsTheRegistryIncludingClassChanges() {
        web.get().uri("/api/enforcement/pool/" + KEY_UNIT).header(HttpHeaders.AUTHORIZATION, "Bearer " + INSPECTOR)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.managementClass").isEqualTo("KEY").jsonPath("$.version").isEqualTo(2);
        web.get().uri("/api/enforcement/pool?managementClass=KEY").header(HttpHeaders.AUTHORIZATION, "Bearer " + INSPECTOR)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].code").isEqualTo(KEY_UNIT);
        web.get().uri("/api/enforcement/pool?district=大洼区").header(HttpHeaders.AUTHORIZATION, "Bearer " + INSPECTOR)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].code").isEqualTo(SMALL_UNIT);
    }

    @Test
    void onlyEnforcementStaffSeeThePool() {
        web.get().uri("/api/enforcement/pool").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestTokens.enterprise("ent-a", KEY_UNIT)).exchange().expectStatus().isForbidden();
        web.get().uri("/api/enforcement/pool").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownUnitIsNotFound() {
        web.get().uri("/api/enforcement/pool/" + "91350100M000100Y43").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + INSPECTOR).exchange().expectStatus().isNotFound();
        web.get().uri("/api/enforcement/pool/BAD").header(HttpHeaders.AUTHORIZATION, "Bearer " + INSPECTOR)
                .exchange().expectStatus().isBadRequest();
    }
}
