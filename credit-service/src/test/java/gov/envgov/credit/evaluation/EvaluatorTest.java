package gov.envgov.credit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.credit.ledger.CreditRecord;
import gov.envgov.credit.ledger.RecordOrigin;
import gov.envgov.credit.ledger.RecordStatus;
import gov.envgov.credit.scheme.Scheme;
import gov.envgov.credit.scheme.Schemes;

/** Scoring one subject: deductions per indicator up to its cap, grades, veto events, and the explanation. */
class EvaluatorTest {

    static final String UNIT = "91211103MA0GA0001Y";
    private final Scheme liaoning = Schemes.liaoning();

    static CreditRecord feed(String eventType, Double measure, boolean flagged) {
        UUID eventId = UUID.randomUUID();
        return new CreditRecord(UUID.randomUUID(), UNIT, 2025, RecordOrigin.FEED,
                new CreditRecord.Source("permit-service", "credit-records", 7, eventId), eventType, null,
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1), measure, flagged, "LN-2022-1", null, null, null,
                0, null, eventType, Map.of(), List.of(), LocalDate.of(2025, 6, 16), LocalDate.of(2025, 6, 1),
                Instant.parse("2025-06-01T02:00:00Z"), "system:feed", RecordStatus.ACTIVE, null);
    }

    @Test
    void crdEvalScoreNoRecordsIsTheBaseScoreAndTheBestGrade() {
        Evaluator.Scored scored = Evaluator.score(liaoning, List.of());
        assertThat(scored.score()).isEqualTo(100);
        assertThat(scored.grade()).isEqualTo("守信");
        assertThat(scored.veto()).isFalse();
    }

    @Test
    void crdEvalScoreDeductionsAddUpPerIndicatorUpToItsMaximum() {
        List<CreditRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(feed("MonitoringExceedance", 2.0, false)); // SERIOUS, 10 each: 50, capped at 40
        }
        records.add(feed("ExecutionReportOverdue", null, false)); // 3
        Evaluator.Scored scored = Evaluator.score(liaoning, records);
        assertThat(scored.score()).isEqualTo(100 - 40 - 3);
        assertThat(scored.grade()).isEqualTo("严重失信");
        assertThat(scored.veto()).isFalse();
        Explanation.IndicatorScore exceedance = scored.explanation().groups().get(0).indicators().get(0);
        assertThat(exceedance.code()).isEqualTo("EXCEEDANCE");
        assertThat(exceedance.uncapped()).isEqualTo(50);
        assertThat(exceedance.deducted()).isEqualTo(40);
        assertThat(exceedance.records()).hasSize(5);
    }

    @Test
    void crdEvalExplainedEveryPointLeadsToItsRecordSourceEventRuleAndSchemeVersion() {
        CreditRecord record = feed("MonitoringExceedance", 0.3, false);
        Explanation explanation = Evaluator.score(liaoning, List.of(record)).explanation();
        assertThat(explanation.schemeVersion()).isEqualTo("LN-2022-1");
        assertThat(explanation.placeholderScheme()).isTrue();
        Explanation.Item item = explanation.groups().get(0).indicators().get(0).records().get(0);
        assertThat(item.recordId()).isEqualTo(record.id());
        assertThat(item.rule()).isEqualTo("LN-EXCEEDANCE");
        assertThat(item.severity()).isEqualTo("MINOR");
        assertThat(item.points()).isEqualTo(2);
        assertThat(item.producer()).isEqualTo("permit-service");
        assertThat(item.position()).isEqualTo(7L);
        assertThat(item.eventId()).isEqualTo(record.source().eventId());
        assertThat(explanation.gradeReason()).contains("98");
    }

    @Test
    void crdEvalVetoAFlaggedPenaltyDecisionGivesTheWorstGradeAndSaysWhy() {
        CreditRecord penalty = feed("PenaltyDecided", 30000.0, true);
        Evaluator.Scored scored = Evaluator.score(liaoning, List.of(penalty));
        assertThat(scored.score()).isEqualTo(95);
        assertThat(scored.veto()).isTrue();
        assertThat(scored.grade()).isEqualTo("严重失信");
        assertThat(scored.explanation().vetoes()).extracting(Explanation.VetoApplied::recordId)
                .containsExactly(penalty.id());
        assertThat(scored.explanation().gradeReason()).contains("一票否决");
    }

    @Test
    void aRecordWhoseEventDoesNotCountUnderTheSchemeIsShownAsNotCounted() {
        Evaluator.Scored scored = Evaluator.score(liaoning, List.of(feed("SomethingElse", null, false)));
        assertThat(scored.score()).isEqualTo(100);
        assertThat(scored.explanation().notCounted()).hasSize(1);
    }
}
