package gov.envgov.enforcement.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.draw.DrawRules;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.testing.FeedFixtures;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/**
 * ENF-POOL-CREDIT-GRADE: credit-service's {@code CreditGradePublished} (a recorded example of its wire shape) into
 * the pool's credit grade and so into the draw weights; older grades never replace newer ones, a grade that arrives
 * before its unit waits for it, and an event without the fields the reader needs is passed over.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
class CreditGradeIT {

    static final String GRADED = "91211103MA0GA0001Y";
    static final String EARLY = "91211104MA0GB00028";
    static final String UNGRADED = "91211103MA0GT00001";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_credit_grade").register(registry);
    }

    @Autowired
    List<FeedSubscription> subscriptions;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    PoolService pool;
    @Autowired
    DrawRules rules;

    @Test
    void gradesFromTheCreditFeedSetTheDrawWeightsAndOnlyNewerOnesCount() {
        FeedFixtures registry = new FeedFixtures("permit-service")
                .enterprise("EnterpriseRegistered", GRADED, "盘锦失信示范有限公司", "兴隆台区", "KEY", 1)
                .enterprise("EnterpriseRegistered", UNGRADED, "盘锦未评价有限公司", "兴隆台区", "KEY", 1);
        registry.applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);
        new FeedFixtures("credit-service")
                .event(UUID.randomUUID(), "CreditGradePublished", "evaluation", "e-1", grade(GRADED, "一般守信", "2025", 1))
                .event(UUID.randomUUID(), "CreditGradePublished", "evaluation", "e-2", grade(GRADED, "严重失信", "2025", 2))
                .event(UUID.randomUUID(), "CreditGradePublished", "evaluation", "e-0", grade(GRADED, "守信", "2024", 7))
                .event(UUID.randomUUID(), "CreditGradePublished", "evaluation", "e-3", grade(EARLY, "环保诚信", "2025", 1))
                .event(UUID.randomUUID(), "CreditGradePublished", "evaluation", "e-4", Map.of("grade", "守信"))
                .event(UUID.randomUUID(), "CreditObjectionAnswered", "objection", "o-1", Map.of("x", 1))
                .applyTo(FeedFixtures.named(subscriptions, "inspection-pool-credit"), db, transactions);
        registry.enterprise("EnterpriseRegistered", EARLY, "盘锦诚信示范有限公司", "兴隆台区", "KEY", 1)
                .applyTo(FeedFixtures.named(subscriptions, "inspection-pool"), db, transactions);

        Map<String, PoolMember> members = new HashMap<>();
        pool.members("兴隆台区", "KEY").toIterable().forEach(member -> members.put(member.code(), member));
        assertThat(members.get(GRADED).creditGrade()).isEqualTo("严重失信");
        assertThat(members.get(EARLY).creditGrade()).isEqualTo("环保诚信");
        assertThat(members.get(UNGRADED).creditGrade()).isNull();
        assertThat(rules.weight(members.get(GRADED).creditGrade(), false)).isEqualTo(40);
        assertThat(rules.weight(members.get(EARLY).creditGrade(), false)).isEqualTo(5);
        assertThat(rules.weight(members.get(UNGRADED).creditGrade(), false)).isEqualTo(10);
        assertThat(db.sql("SELECT position FROM event_cursor WHERE consumer = 'inspection-pool-credit'")
                .map(row -> row.get("position", Long.class)).one().block()).isEqualTo(6L);
    }

    /** The payload of credit-service's CreditGradePublished as its contract gives it. */
    private static Map<String, Object> grade(String creditCode, String grade, String period, long version) {
        return Map.of("enterpriseId", UUID.randomUUID().toString(), "creditCode", creditCode, "grade", grade,
                "period", period, "version", version);
    }
}
