package gov.envgov.permit.lifecycle;

import static gov.envgov.permit.testing.PermitApi.ADMIN;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.testing.PermitApi;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/**
 * PERMIT-WITHDRAWN-BY-DECISION: enforcement-service's PermitRevocationDecided, replayed from a recorded example
 * through the real subscription, withdraws (吊销) the enterprise's valid permit once, the decision as legal basis.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
@Import(MutableClock.Config.class)
class RevocationFeedIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit_revocation_feed").register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    List<FeedSubscription> subscriptions;

    @Autowired
    DatabaseClient db;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    EventFeed feed;

    @Test
    void permitWithdrawnByDecisionOnceWithTheDecisionAsLegalBasis() {
        PermitApi api = new PermitApi(web);
        clock.setDay("2026-03-02");
        String unit = api.newUnit("盘锦辽河化工有限公司", "兴隆台区", "KEY");
        String other = api.newUnit("盘锦鹤乡食品有限公司", "大洼区", "SIMPLIFIED");
        String id = api.issuedPermit(PermitApi.owner(unit), unit, content(50, 12.0));
        String untouched = api.issuedPermit(PermitApi.owner(other), other, content(50, 12.0));
        // A new application, open when the decision arrives, may not be issued afterwards (PERMIT-REAPPLICATION-BAN).
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = api.post(PermitApi.owner(unit), "/api/permits", Map.of("enterpriseCode", unit,
                        "content", content(50, 12.0), "legalRepresentative", "李明", "address", "示范路1号"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String pending = (String) draft.get("id");
        api.post(PermitApi.owner(unit), "/api/permits/" + pending + "/submit", null).expectStatus().isOk();
        api.post(PermitApi.REVIEWER, "/api/permits/" + pending + "/accept", null).expectStatus().isOk();
        clock.setDay("2026-06-10");
        UUID caseId = UUID.randomUUID();
        FeedFixtures decided = new FeedFixtures("enforcement-service")
                .event(UUID.randomUUID(), "PermitRevocationDecided", "Case", caseId.toString(), Map.of(
                        "caseId", caseId, "enterpriseCode", unit, "decisionNumber", "盘环罚〔2026〕17号",
                        "decidedOn", "2026-06-09", "legalBasis", "排污许可管理条例 (2021) 第三十四条"))
                .event(UUID.randomUUID(), "PenaltyDecided", "Case", caseId.toString(), Map.of("caseId", caseId));
        FeedSubscription subscription = FeedFixtures.named(subscriptions, "permit-revocations");
        assertThat(subscription.producer()).isEqualTo("enforcement-service");
        decided.applyTo(subscription, db, transactions);
        api.get(ADMIN, "/api/permits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("WITHDRAWN")
                .jsonPath("$.ending.legalBasis")
                .isEqualTo("排污许可管理条例 (2021) 第三十四条; 处罚决定书 盘环罚〔2026〕17号");
        api.get(ADMIN, "/api/permits/" + untouched).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ISSUED");
        api.post(PermitApi.REVIEWER, "/api/permits/" + pending + "/issue", Map.of("note", "x"))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:reapplication-banned");
        // Replayed from the start (a cursor lost): nothing is withdrawn twice.
        db.sql("DELETE FROM event_cursor WHERE consumer = 'permit-revocations'").then().block();
        decided.applyTo(subscription, db, transactions);
        assertThat(feed.read(0, 10_000).block().events().stream()
                .filter(e -> e.type().equals("PermitEnded") && e.aggregateId().equals(id))).hasSize(1);
    }
}
