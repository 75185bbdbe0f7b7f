package gov.envgov.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.envgov.support.testing.ReactiveDatabase;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

class AuditTrailIT {

    private ReactiveDatabase database;
    private AuditTrail audit;

    @BeforeEach
    void setUp() {
        database = ReactiveDatabase.create("audit", 10);
        audit = new AuditTrail(database.client(), JsonMapper.builder().build(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void concurrentRecordsFormOneIntactChain() {
        Flux.range(0, 50)
                .flatMap(i -> database.transactions().transactional(
                        audit.record("user" + i % 3, "change", "enterprise", "E" + i, Map.of("n", i))), 10)
                .blockLast();
        assertThat(audit.firstBrokenEntry().blockOptional()).isEmpty();
        assertThat(audit.history("enterprise", "E7").collectList().block()).hasSize(1)
                .first().satisfies(entry -> assertThat(entry.actor()).isEqualTo("user1"));
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        database.transactions().transactional(audit.record("admin1", "register", "enterprise", "E1", Map.of()))
                .block();
        assertThatThrownBy(() -> database.client().sql("UPDATE audit_log SET actor = 'someone else'").then().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.client().sql("DELETE FROM audit_log").then().block())
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditMadeBehindTheTriggersBackIsDetected() {
        for (int i = 0; i < 5; i++) {
            database.transactions().transactional(audit.record("admin1", "change", "enterprise", "E" + i,
                    Map.of("version", i))).block();
        }
        Long third = database.client().sql("SELECT id FROM audit_log ORDER BY id OFFSET 2 LIMIT 1")
                .map(row -> row.get("id", Long.class)).one().block();
        database.client().sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").then().block();
        database.client().sql("UPDATE audit_log SET actor = 'intruder' WHERE id = :id").bind("id", third).then()
                .block();

        assertThat(audit.firstBrokenEntry().block()).isEqualTo(third);
    }
}
