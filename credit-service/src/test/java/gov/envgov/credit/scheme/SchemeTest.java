package gov.envgov.credit.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped schemes as data: grades at their thresholds, veto events, severity bands, versions in force. */
class SchemeTest {

    @Test
    void crdSchemeGradesLiaoningsPlaceholderThresholdsGiveItsFourGrades() {
        Scheme liaoning = Schemes.liaoning();
        assertThat(liaoning.isPlaceholder()).isTrue();
        assertThat(liaoning.note()).contains("PLACEHOLDER");
        assertThat(liaoning.grades()).extracting(Scheme.Grade::code)
                .containsExactly("守信", "一般守信", "失信", "严重失信");
        assertThat(liaoning.grade(90, false).code()).isEqualTo("守信");
        assertThat(liaoning.grade(89, false).code()).isEqualTo("一般守信");
        assertThat(liaoning.grade(75, false).code()).isEqualTo("一般守信");
        assertThat(liaoning.grade(74, false).code()).isEqualTo("失信");
        assertThat(liaoning.grade(60, false).code()).isEqualTo("失信");
        assertThat(liaoning.grade(59, false).code()).isEqualTo("严重失信");
        assertThat(liaoning.grade(0, false).code()).isEqualTo("严重失信");
    }

    @Test
    void crdSchemeGradesAnhuiIsGreenFrom95BlueFrom80YellowFrom60AndRedBelow() {
        Scheme anhui = Schemes.anhui();
        assertThat(anhui.grade(100, false).color()).isEqualTo("green");
        assertThat(anhui.grade(95, false).color()).isEqualTo("green");
        assertThat(anhui.grade(94, false).color()).isEqualTo("blue");
        assertThat(anhui.grade(80, false).color()).isEqualTo("blue");
        assertThat(anhui.grade(79, false).color()).isEqualTo("yellow");
        assertThat(anhui.grade(60, false).color()).isEqualTo("yellow");
        assertThat(anhui.grade(59, false).color()).isEqualTo("red");
    }

    @Test
    void crdSchemeGradesTheNational2013SchemeHas21IndicatorsInFourGroupsAndFourColours() {
        Scheme national = Schemes.national2013();
        assertThat(national.groups()).extracting(Scheme.Group::name).containsExactly("污染防治", "生态保护", "环境管理",
                "社会监督");
        assertThat(national.groups().stream().mapToInt(group -> group.indicators().size()).sum()).isEqualTo(21);
        assertThat(national.grades()).extracting(Scheme.Grade::code).containsExactly("环保诚信", "环保良好", "环保警示",
                "环保不良");
        assertThat(national.grades()).extracting(Scheme.Grade::color).containsExactly("green", "blue", "yellow",
                "red");
    }

    @Test
    void crdEvalVetoAVetoEventGivesTheWorstGradeWhateverTheScore() {
        for (Scheme scheme : List.of(Schemes.liaoning(), Schemes.national2013(), Schemes.anhui())) {
            assertThat(scheme.grade(100, true)).isEqualTo(scheme.worstGrade());
            Assessment overLoad = Assessment.of(scheme, null, "PermitQuantityExceeded", 0.05, null, false, null);
            assertThat(overLoad.vetoCode()).as(scheme.version()).isEqualTo("OVER_TOTAL_LOAD");
            Assessment flagged = Assessment.of(scheme, null, "PenaltyDecided", 10000.0, null, true, null);
            assertThat(flagged.vetoCode()).isEqualTo("PENALTY_VETO");
            assertThat(Assessment.of(scheme, null, "PenaltyDecided", 10000.0, null, false, null).vetoCode())
                    .isNull();
        }
    }

    @Test
    void crdSchemeBandsTheMeasureChoosesTheSeverityBandUpToAndIncludingItsBound() {
        Scheme liaoning = Schemes.liaoning();
        assertThat(Assessment.of(liaoning, null, "MonitoringExceedance", 0.5, null, false, null))
                .extracting(Assessment::rule, Assessment::severity, Assessment::points)
                .containsExactly("LN-EXCEEDANCE", "MINOR", 2);
        assertThat(Assessment.of(liaoning, null, "MonitoringExceedance", 0.51, null, false, null).severity())
                .isEqualTo("GENERAL");
        assertThat(Assessment.of(liaoning, null, "MonitoringExceedance", 3.0, null, false, null).points())
                .isEqualTo(10);
        assertThat(Assessment.of(liaoning, null, "PenaltyDecided", 200000.0, null, false, null).severity())
                .isEqualTo("GENERAL");
        assertThat(Assessment.of(liaoning, null, "PenaltyDecided", 200001.0, null, false, null).points())
                .isEqualTo(20);
        assertThat(Assessment.of(liaoning, null, "PermitIssued", null, null, false, null).counts()).isFalse();
        assertThat(Assessment.of(liaoning, "LN-DISCLOSURE", "Manual", null, "SERIOUS", false, null).points())
                .isEqualTo(10);
    }

    @Test
    void crdSchemeVersionAPeriodRunsUnderTheVersionInForceOnItsFirstDay() {
        Scheme first = Schemes.liaoning();
        Scheme later = new Scheme(first.scheme(), "LN-2027-1", first.name(), first.basis(),
                LocalDate.of(2026, 7, 1), false, "the bureau's table", first.baseScore(), first.period(),
                first.scope(), first.groups(), first.deductions(), first.vetoes(), List.of(
                new Scheme.Grade("守信", "守信", "green", 95), new Scheme.Grade("一般守信", "一般守信", "blue", 80),
                new Scheme.Grade("失信", "失信", "yellow", 65), new Scheme.Grade("严重失信", "严重失信", "red", 0)),
                first.publication());
        SchemeCatalogue catalogue = new SchemeCatalogue(List.of(later, first, Schemes.anhui()));
        assertThat(catalogue.inForce("LN", 2021)).isEmpty();
        assertThat(catalogue.inForce("LN", 2022)).contains(first);
        assertThat(catalogue.inForce("LN", 2026)).contains(first);
        assertThat(catalogue.inForce("LN", 2027)).contains(later);
        assertThat(catalogue.inForce("AH", 2026).orElseThrow().version()).isEqualTo("AH-1");
        assertThatThrownBy(() -> new SchemeCatalogue(List.of(first, first)))
                .hasMessageContaining("two schemes");
    }

    @Test
    void aSchemeWhoseRuleNamesNoIndicatorOrWhoseGradesAreOutOfOrderIsRefused() {
        Scheme liaoning = Schemes.liaoning();
        assertThatThrownBy(() -> new Scheme("X", "X-1", "x", "x", LocalDate.of(2020, 1, 1), true, null, 100,
                "CALENDAR_YEAR", liaoning.scope(), liaoning.groups(), List.of(new Scheme.Deduction("X-1",
                "PermitExpired", "NOWHERE", "x", Scheme.Measure.NONE, null, null,
                List.of(new Scheme.Band("GENERAL", null, 1)))), liaoning.vetoes(), liaoning.grades(),
                liaoning.publication())).hasMessageContaining("names no indicator");
        assertThatThrownBy(() -> new Scheme("X", "X-1", "x", "x", LocalDate.of(2020, 1, 1), true, null, 100,
                "CALENDAR_YEAR", liaoning.scope(), liaoning.groups(), liaoning.deductions(), liaoning.vetoes(),
                List.of(new Scheme.Grade("A", "A", "green", 60), new Scheme.Grade("B", "B", "red", 80)),
                liaoning.publication())).hasMessageContaining("best to worst");
    }
}
