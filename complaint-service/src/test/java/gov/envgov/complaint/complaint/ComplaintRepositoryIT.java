package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/**
 * The work queues bind their states as an array instead of writing them into the SQL; PostgreSQL must still serve
 * them from the partial indexes made for them (V10, V11, V15), or a line with millions of closed complaints slows down.
 */
@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false"})
class ComplaintRepositoryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("repository").register(registry);
    }

    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;

    /** The plan of a queue query with the states bound, as PostgreSQL would run it if it could avoid a scan. */
    private String plan(boolean unit) {
        WorkQueue queue = new WorkQueue(unit ? "兴隆台区生态环境分局" : null,
                unit ? ComplaintStatus.UNIT_QUEUE : ComplaintStatus.OPERATOR_QUEUE, null);
        var explain = db.sql("EXPLAIN " + ComplaintRepository.queueSql(queue, false))
                .bind("states", (unit ? ComplaintStatus.UNIT_QUEUE : ComplaintStatus.OPERATOR_QUEUE).stream()
                        .map(Enum::name).toArray(String[]::new))
                .bind("limit", 20)
                .bind("offset", 0);
        var plan = (unit ? explain.bind("unit", "兴隆台区生态环境分局") : explain)
                .map(row -> row.get(0, String.class)).all().collectList();
        List<String> lines = transactions.transactional(db.sql("SET LOCAL enable_seqscan = off").then().then(plan))
                .block(WAIT);
        return String.join("\n", lines);
    }

    @Test
    void theOperatorsQueueIsReadFromItsPartialIndex() {
        assertThat(plan(false)).contains("complaint_operator_queue");
    }

    @Test
    void aUnitsQueueIsReadFromItsPartialIndex() {
        assertThat(plan(true)).contains("complaint_unit_queue");
    }
}
