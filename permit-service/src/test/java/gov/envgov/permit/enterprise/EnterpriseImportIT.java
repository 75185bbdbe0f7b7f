package gov.envgov.permit.enterprise;

import static gov.envgov.permit.testing.PermitApi.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.permit.testing.PermitApi;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.code.UnifiedSocialCreditCode;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/**
 * PERF-BULK-IMPORT: enterprise imports of thousands of units against a real PostgreSQL, in a database of their own so
 * that their thousands of events stay out of the registry tests' feed.
 */
@ServiceTest
class EnterpriseImportIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit_import").register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    EventFeed feed;

    @Autowired
    AuditTrail audit;

    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec post(String path, Object body) {
        return new PermitApi(web).post(ADMIN, path, body);
    }

    private WebTestClient.ResponseSpec get(String path) {
        return new PermitApi(web).get(ADMIN, path);
    }

    static Map<String, Object> unit(String code, String name, String district) {
        return PermitApi.unit(code, name, district, "KEY");
    }

    /** The i-th code of a series, valid with its check character. */
    static String code(String series, int i) {
        return UnifiedSocialCreditCode.complete(String.format("91211102MA%s%05d", series, i));
    }

    private List<String> registeredEvents(String series) {
        String prefix = "91211102MA" + series;
        return feed.read(0, 1_000_000).block().events().stream()
                .filter(event -> event.type().equals("EnterpriseRegistered") && event.aggregateId().startsWith(prefix))
                .map(FeedEvent::aggregateId).toList();
    }

    @Test
    @DisplayName("PERF-BULK-IMPORT: an import of several thousand units is stored in chunks with one transaction; "
            + "codes registered before and codes twice in the list, inside and across chunks, count as already "
            + "registered; events and audit entries follow the list")
    void aLargeImportRegistersEachNewCodeOnceWithItsEventAndAuditEntryInListOrder() {
        List<Map<String, Object>> earlier = IntStream.range(0, 2450).filter(i -> i % 20 == 0)
                .mapToObj(i -> unit(code("0J", i), "盘锦先前登记" + i, "大洼区")).toList();
        post("/api/enterprises/import", Map.of("enterprises", earlier)).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(123);

        // Descending codes: the inserts run in code order, the events must still follow the list.
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 2449; i >= 0; i--) {
            batch.add(unit(code("0J", i), "盘锦批量导入" + i, "兴隆台区"));
            if (i == 1234) {
                batch.add(unit(code("0J", 1234), "紧邻重复", "兴隆台区"));
            }
        }
        batch.add(unit(code("0J", 701), "跨块重复", "兴隆台区"));
        post("/api/enterprises/import", Map.of("enterprises", batch)).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(2327).jsonPath("$.alreadyRegistered").isEqualTo(125);

        List<String> expected = IntStream.iterate(2449, i -> i >= 0, i -> i - 1).filter(i -> i % 20 != 0)
                .mapToObj(i -> code("0J", i)).toList();
        List<String> events = registeredEvents("0J");
        assertThat(events.subList(earlier.size(), events.size())).isEqualTo(expected);
        get("/api/enterprises/" + code("0J", 701)).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("盘锦批量导入701");
        get("/api/enterprises/" + code("0J", 1234)).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("盘锦批量导入1234");
        get("/api/enterprises/" + code("0J", 40)).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("盘锦先前登记40");

        List<AuditTrail.Entry> chain = audit.history("enterprise", code("0J", 1999)).collectList().block();
        assertThat(chain).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("register");
            assertThat(entry.actor()).isEqualTo("admin1");
            assertThat(entry.details()).contains("import").contains("盘锦批量导入1999");
        });
        assertThat(AuditTrail.intact(chain)).isTrue();
        assertThat(audit.firstBrokenEntry().blockOptional()).isEmpty();
        Long entries = db.sql("SELECT count(*) AS n FROM audit_log WHERE object_type = 'enterprise'"
                        + " AND object_id LIKE '91211102MA0J%'").map(row -> row.get("n", Long.class)).one().block();
        assertThat(entries).isEqualTo(2450);

        post("/api/enterprises/import", Map.of("enterprises", batch)).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(0).jsonPath("$.alreadyRegistered").isEqualTo(2452);
        assertThat(registeredEvents("0J")).hasSize(2450);
    }

    @Test
    @DisplayName("PERF-BULK-IMPORT: an import that fails in a later chunk leaves no unit, event or audit entry")
    void anImportThatFailsInItsLastChunkLeavesNothing() {
        // A refusal by the database itself, after the first thousand units were inserted in the same transaction.
        db.sql("""
                CREATE FUNCTION refuse_test_unit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name = '数据库拒绝' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$""").then().block();
        db.sql("CREATE TRIGGER refuse_test_unit BEFORE INSERT ON enterprise FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_test_unit()").then().block();
        try {
            List<Map<String, Object>> batch = new ArrayList<>(IntStream.range(0, 1499)
                    .mapToObj(i -> unit(code("0K", i), "盘锦失败导入" + i, "盘山县")).toList());
            batch.add(unit(code("0K", 1499), "数据库拒绝", "盘山县"));
            post("/api/enterprises/import", Map.of("enterprises", batch)).expectStatus().is5xxServerError();
        } finally {
            db.sql("DROP TRIGGER refuse_test_unit ON enterprise").then().block();
            db.sql("DROP FUNCTION refuse_test_unit()").then().block();
        }
        Set<Long> counts = Set.of("SELECT count(*) AS n FROM enterprise WHERE code LIKE '91211102MA0K%'",
                        "SELECT count(*) AS n FROM audit_log WHERE object_id LIKE '91211102MA0K%'",
                        "SELECT count(*) AS n FROM event_outbox WHERE aggregate_id LIKE '91211102MA0K%'").stream()
                .map(sql -> db.sql(sql).map(row -> row.get("n", Long.class)).one().block())
                .collect(Collectors.toSet());
        assertThat(counts).containsExactly(0L);
    }
}
