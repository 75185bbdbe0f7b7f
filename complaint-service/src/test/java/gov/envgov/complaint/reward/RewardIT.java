package gov.envgov.complaint.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Rewards for reports (有奖举报) from the proposal to the payment, through the service's HTTP API. */
@ServiceTest
class RewardIT {

    static final String ENT_A = "91211103MA0GA0001Y";
    static final String NAME = "李四海";
    static final String CITIZEN = TestTokens.of("citizen-r", "citizen");
    static final String OTHER_CITIZEN = TestTokens.of("citizen-o", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("reward").register(registry);
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
    AuditTrail audit;
    @Autowired
    EventFeed feed;

    @BeforeEach
    void enterprises() {
        new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", ENT_A, "盘锦辽河石化有限公司", "兴隆台区", "KEY", 1)
                .applyTo(subscriptions.get(0), db, transactions);
    }

    private String file(String token, String category, Map<String, Object> complainant) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "description", "厂区夜间偷排废水",
                "district", "兴隆台区", "enterpriseCode", ENT_A));
        if (complainant != null) {
            body.put("complainant", complainant);
        }
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }

    private WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void substantiate(String id) {
        post(OPERATOR, "/api/complaints/" + id + "/dispatch", Map.of()).expectStatus().isOk();
        post(XLT, "/api/complaints/" + id + "/accept", Map.of()).expectStatus().isOk();
        post(XLT, "/api/complaints/" + id + "/start", Map.of()).expectStatus().isOk();
        post(XLT, "/api/complaints/" + id + "/handling", Map.of("substantiated", true, "findings", "偷排属实"))
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec propose(String token, String id) {
        return post(token, "/api/complaints/" + id + "/reward",
                Map.of("severity", "SERIOUS", "grounds", "举报线索经查属实，已立案"));
    }

    private String problemType(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody().get("type").asString();
    }

    /**
     * CMP-REWARD-ELIGIBLE: only a real-name first report found substantiated against an enterprise gets a
     * proposal, with the table's amount.
     */
    @Test
    void cmpRewardEligibleOnlyForARealNameFirstReportVerifiedByTheOutcome() {
        String first = file(CITIZEN, "WATER", Map.of("name", NAME, "phone", "13912345678"));
        assertThat(problemType(propose(OPERATOR, first).expectStatus().isEqualTo(422)))
                .isEqualTo("urn:envgov:problem:reward-not-verified");
        substantiate(first);

        String later = file(OTHER_CITIZEN, "WATER", Map.of("name", "王五", "phone", "13700000000"));
        substantiate(later);
        assertThat(problemType(propose(OPERATOR, later).expectStatus().isEqualTo(422)))
                .isEqualTo("urn:envgov:problem:reward-not-first-report");

        String nameless = file(OTHER_CITIZEN, "NOISE", null);
        substantiate(nameless);
        assertThat(problemType(propose(OPERATOR, nameless).expectStatus().isEqualTo(422)))
                .isEqualTo("urn:envgov:problem:reward-not-real-name");

        propose(OPERATOR, first).expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("PROPOSED")
                .jsonPath("$.amountYuan").isEqualTo(1000)
                .jsonPath("$.proposedBy").isEqualTo("operator1");
        assertThat(problemType(propose(ADMIN, first).expectStatus().isEqualTo(409)))
                .isEqualTo("urn:envgov:problem:reward-exists");
        propose(XLT, first).expectStatus().isForbidden();
    }

    /**
     * CMP-REWARD-FOUR-EYES: the proposer never approves; only an approved reward is paid, with its reference;
     * every step is in the audit trail; the complainant sees the state of their own reward.
     */
    @Test
    void cmpRewardFourEyesApprovedByAnotherPaidAndAudited() {
        String id = file(CITIZEN, "AIR", Map.of("name", NAME, "phone", "13912345678"));
        substantiate(id);
        String reward = propose(OPERATOR, id).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asString();

        post(OPERATOR, "/api/complaints/rewards/" + reward + "/approve", Map.of()).expectStatus().isForbidden();
        String payment = "/api/complaints/rewards/" + reward + "/payment";
        // API-CONFLICTS-NAME-THE-BLOCKER: paying before the approval names the reward and the step first.
        JsonNode unapproved = post(OPERATOR, payment, Map.of("reference", "x")).expectStatus().isEqualTo(409)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(unapproved.get("type").asString()).isEqualTo("urn:envgov:problem:reward-not-approved");
        assertThat(unapproved.get("requiredStep").asString()).isEqualTo("approve");
        assertThat(unapproved.get("blockedBy").get("id").asString()).isEqualTo(reward);
        assertThat(unapproved.get("detail").asString()).endsWith("approve it first (POST /api/complaints/rewards/"
                + reward + "/approve)");
        post(ADMIN, "/api/complaints/rewards/" + reward + "/approve", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("APPROVED").jsonPath("$.decidedBy").isEqualTo("admin1");
        post(OPERATOR, payment, Map.of("reference", "财政转账 2026-0001"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PAID").jsonPath("$.paymentReference").isEqualTo("财政转账 2026-0001");

        web.get().uri("/api/complaints/" + id + "/reward").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PAID").jsonPath("$.amountYuan").isEqualTo(1000)
                .jsonPath("$.paymentReference").doesNotExist();
        web.get().uri("/api/complaints/" + id + "/reward")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OTHER_CITIZEN).exchange().expectStatus().isNotFound();

        assertThat(audit.history(RewardService.AUDIT_TYPE, reward).collectList().block())
                .extracting(AuditTrail.Entry::action).containsExactly("reward-propose", "reward-approve", "reward-pay");
    }

    /** CMP-REWARD-CONFIDENTIAL: the amount is never shown beside a name, and no event carries it. */
    @Test
    void cmpRewardConfidentialNoNameBesideTheAmountAndNothingPublished() {
        String id = file(CITIZEN, "ODOUR", Map.of("name", NAME, "phone", "13912345678"));
        substantiate(id);
        propose(OPERATOR, id).expectStatus().isCreated();
        String list = web.get().uri("/api/complaints/rewards?status=PROPOSED")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("\"amountYuan\":1000").contains("trackingCode")
                .doesNotContain(NAME).doesNotContain("李*").doesNotContain("13912345678");
        assertThat(feed.read(0, 10000).block().events()).noneMatch(event -> event.type().contains("Reward")
                || event.payload().toString().contains("amount"));
        web.get().uri("/api/complaints/rewards").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange()
                .expectStatus().isForbidden();
    }
}
