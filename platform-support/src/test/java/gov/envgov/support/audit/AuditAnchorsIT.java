package gov.envgov.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.envgov.support.events.Outbox;
import gov.envgov.support.testing.ReactiveDatabase;
import tools.jackson.databind.json.JsonMapper;

/** Tamper detection of the full-process record: an edit, a deletion, and a deletion of the newest entry. */
class AuditAnchorsIT {

    private ReactiveDatabase database;
    private AuditTrail audit;
    private AuditAnchors anchors;

    @BeforeEach
    void setUp() {
        database = ReactiveDatabase.create("anchors", 4);
        JsonMapper json = JsonMapper.builder().build();
        audit = new AuditTrail(database.client(), json, Clock.systemUTC());
        anchors = new AuditAnchors(database.client(), database.transactions(),
                new Outbox(database.client(), json, Clock.systemUTC()), audit, Clock.systemUTC());
        for (String step : new String[] {"file", "investigate", "serve-notice", "decide"}) {
            record("CASE-1", step);
            record("CASE-2", step);
        }
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aRunAnchorsEveryChangedHeadOnceAndChainsTheRoots() {
        assertThat(anchors.run().block()).isEqualTo(2L);
        assertThat(anchors.run().block()).isZero();
        record("CASE-1", "serve");
        assertThat(anchors.run().block()).isEqualTo(1L);
        var roots = database.client().sql("SELECT seq, prev_root, root FROM audit_anchor ORDER BY seq")
                .map(row -> new String[] {row.get("prev_root", String.class), row.get("root", String.class)})
                .all().collectList().block();
        assertThat(roots).hasSize(2);
        assertThat(roots.get(0)[0]).isEqualTo(AuditAnchors.GENESIS);
        assertThat(roots.get(1)[0]).isEqualTo(roots.get(0)[1]);
        assertThat(database.client().sql("SELECT count(*) AS n FROM event_outbox WHERE event_type = 'AuditAnchored'")
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2L);
        AuditAnchors.Verification verification = anchors.verify("case", "CASE-1").block();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.anchorSeq()).isEqualTo(2L);
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.entriesSinceAnchor()).isZero();
    }

    @Test
    void anEditedEntryBreaksTheChain() {
        anchors.run().block();
        tamper("UPDATE audit_log SET details = '{\"fine\":1}' WHERE object_id = 'CASE-1' AND action = 'serve-notice'");
        AuditAnchors.Verification verification = anchors.verify("case", "CASE-1").block();
        assertThat(verification.chainIntact()).isFalse();
        assertThat(verification.intact()).isFalse();
        assertThat(anchors.verify("case", "CASE-2").block().intact()).isTrue();
    }

    @Test
    void aDeletedEntryInTheMiddleBreaksTheChain() {
        anchors.run().block();
        tamper("DELETE FROM audit_log WHERE object_id = 'CASE-1' AND action = 'investigate'");
        assertThat(anchors.verify("case", "CASE-1").block().intact()).isFalse();
    }

    @Test
    void deletingTheNewestEntryIsCaughtByTheAnchorThoughTheChainStillLinks() {
        anchors.run().block();
        tamper("DELETE FROM audit_log WHERE object_id = 'CASE-1' AND action = 'decide'");
        AuditAnchors.Verification verification = anchors.verify("case", "CASE-1").block();
        // What is left still links from the genesis: the chain alone cannot tell.
        assertThat(verification.chainIntact()).isTrue();
        assertThat(verification.anchoredHeadPresent()).isFalse();
        assertThat(verification.intact()).isFalse();
    }

    @Test
    void aRewrittenAnchorNoLongerGivesItsRoot() {
        anchors.run().block();
        tamper("UPDATE audit_anchor_head SET head_hash = repeat('a', 64) WHERE object_id = 'CASE-2'");
        tamper("DELETE FROM audit_log WHERE object_id = 'CASE-2' AND action = 'decide'");
        tamper("UPDATE audit_anchor_head SET last_id = last_id - 2 WHERE object_id = 'CASE-2'");
        AuditAnchors.Verification verification = anchors.verify("case", "CASE-2").block();
        assertThat(verification.anchorRootValid()).isFalse();
        assertThat(verification.intact()).isFalse();
    }

    @Test
    void aChainNotYetAnchoredIsVerifiedByItsLinksAlone() {
        AuditAnchors.Verification verification = anchors.verify("case", "CASE-1").block();
        assertThat(verification.anchored()).isFalse();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesSinceAnchor()).isEqualTo(4);
    }

    private void record(String caseId, String action) {
        database.transactions().transactional(audit.record("inspector1", action, "case", caseId,
                Map.of("step", action))).block();
    }

    private void tamper(String sql) {
        database.client().sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").then().block();
        database.client().sql(sql).then().block();
        database.client().sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").then().block();
    }
}
