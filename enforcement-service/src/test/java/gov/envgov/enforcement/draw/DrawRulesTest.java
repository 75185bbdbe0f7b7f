package gov.envgov.enforcement.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

class DrawRulesTest {

    private final DrawRules rules = new DrawRules(new DrawProperties(
            Map.of(SupervisionLevel.COUNTY, new BigDecimal("0.25"), SupervisionLevel.CITY, new BigDecimal("0.05")),
            Map.of(SupervisionLevel.COUNTY, 10, SupervisionLevel.CITY, 5), 10,
            Map.of("守信", 5, "严重失信", 40), 3, 20));

    @Test
    void enfDrawRateKeyDischargersAreDrawnAtTheLevelsRateRoundedUp() {
        assertThat(rules.sampleSize(plan(SupervisionLevel.COUNTY, "KEY", 0), 172)).isEqualTo(43);
        assertThat(rules.sampleSize(plan(SupervisionLevel.COUNTY, "KEY", 0), 173)).isEqualTo(44);
        assertThat(rules.sampleSize(plan(SupervisionLevel.CITY, "KEY", 0), 172)).isEqualTo(9);
        assertThat(rules.sampleSize(plan(SupervisionLevel.CITY, "KEY", 0), 0)).isZero();
    }

    @Test
    void enfDrawStaffRatioOtherUnitsByInspectorsNeverMoreThanThePool() {
        assertThat(rules.sampleSize(plan(SupervisionLevel.COUNTY, "SIMPLIFIED", 3), 294)).isEqualTo(30);
        assertThat(rules.sampleSize(plan(SupervisionLevel.CITY, "SIMPLIFIED", 3), 294)).isEqualTo(15);
        assertThat(rules.sampleSize(plan(SupervisionLevel.COUNTY, "REGISTRATION", 50), 294)).isEqualTo(294);
    }

    @Test
    void enfDrawScopeACountyDrawNamesItsDistrictAndARatioDrawItsInspectors() {
        assertThatThrownBy(() -> rules.requireValid(new Draw.Plan("2026Q4", SupervisionLevel.COUNTY, null, "KEY", 0)))
                .isInstanceOf(DomainException.RuleViolation.class)
                .satisfies(e -> assertThat(((DomainException.RuleViolation) e).field()).isEqualTo("district"));
        assertThatThrownBy(() -> rules.requireValid(plan(SupervisionLevel.COUNTY, "SIMPLIFIED", 0)))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("10 units per inspector")
                .satisfies(e -> assertThat(((DomainException.RuleViolation) e).field()).isEqualTo("inspectors"));
        rules.requireValid(new Draw.Plan("2026Q4", SupervisionLevel.CITY, null, "KEY", 0));
    }

    @Test
    void enfDrawWeightPositiveListFirstThenGradeThenDefault() {
        assertThat(rules.weight("严重失信", true)).isEqualTo(3);
        assertThat(rules.weight("严重失信", false)).isEqualTo(40);
        assertThat(rules.weight("守信", false)).isEqualTo(5);
        assertThat(rules.weight("unknown grade", false)).isEqualTo(10);
        assertThat(rules.weight(null, false)).isEqualTo(10);
    }

    @Test
    void weightsAndRatesMustBeComplete() {
        assertThatThrownBy(() -> new DrawProperties(Map.of(SupervisionLevel.COUNTY, BigDecimal.ONE),
                Map.of(SupervisionLevel.COUNTY, 10, SupervisionLevel.CITY, 5), 10, Map.of(), 3, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CITY");
        assertThatThrownBy(() -> new DrawProperties(Map.of(SupervisionLevel.COUNTY, BigDecimal.ONE,
                SupervisionLevel.CITY, BigDecimal.ONE), Map.of(SupervisionLevel.COUNTY, 10, SupervisionLevel.CITY, 5),
                0, Map.of(), 3, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Draw.Plan plan(SupervisionLevel level, String managementClass, int inspectors) {
        return new Draw.Plan("2026Q4", level, "兴隆台区", managementClass, inspectors);
    }
}
