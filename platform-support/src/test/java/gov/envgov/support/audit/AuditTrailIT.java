package gov.envgov.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
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
    void concurrentRecordsFormIntactChainsOnePerObject() {
        Flux.range(0, 60)
                .flatMap(i -> database.transactions().transactional(
                        audit.record("user" + i % 3, "change", "enterprise", "E" + i % 10, Map.of("n", i))), 10)
                .blockLast();
        assertThat(audit.firstBrokenEntry().blockOptional()).isEmpty();
        assertThat(audit.history("enterprise", "E3").collectList().block()).hasSize(6)
                .satisfies(chain -> {
                    for (int i = 1; i < chain.size(); i++) {
                        assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
                    }
                });

    }

    @Test
    void firstEntriesWrittenTogetherStartChainsThatLaterRecordsContinue() {
        database.transactions().transactional(audit.recordFirst(List.of(
                new AuditTrail.FirstEntry("citizen1", "register", "complaint", "C1", Map.of("channel", "WEB")),
                new AuditTrail.FirstEntry("citizen2", "register", "complaint", "C2", Map.of()),
                new AuditTrail.FirstEntry("operator1", "register", "complaint", "C3", Map.of("channel", "HOTLINE")))))
                .block();
        database.transactions().transactional(audit.record("operator1", "dispatch", "complaint", "C2",
                Map.of("unit", "兴隆台区生态环境分局"))).block();

        assertThat(audit.firstBrokenEntry().blockOptional()).isEmpty();
        assertThat(audit.history("complaint", "C2").collectList().block())
                .extracting(AuditTrail.Entry::actor).containsExactly("citizen2", "operator1");
        assertThat(audit.history("complaint", "C3").collectList().block()).singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains("HOTLINE"));
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
            database.transactions().transactional(audit.record("admin1", "change", "enterprise", "E1",
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
