package gov.envgov.enforcement.discretion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;
import tools.jackson.databind.json.JsonMapper;

/** ENF-DISCRETION on the shipped tables. */
class DiscretionCalculatorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final DiscretionCalculator calculator = new DiscretionCalculator(shipped());

    @Test
    void startPlusFactorsTimesTheStatutoryMaximumWithEachStepExplained() {
        var computation = calculator.compute(new DiscretionCalculator.Input("OVER_LIMIT_DISCHARGE", Map.of(
                "EXCEEDANCE", "ABOVE_1", "AREA", "SENSITIVE", "ATTITUDE", "CORRECTED"), false, false, false), DAY);
        assertThat(computation.fine()).isEqualByComparingTo("550000");
        assertThat(computation.tableVersion()).isEqualTo("LN-2026-1");
        assertThat(computation.exempt()).isFalse();
        assertThat(computation.explanation()).containsExactly("起点 10%", "超标倍数：1倍以上 +30%", "所处区域：环境敏感区 +20%",
                "改正态度：立即改正 -5%", "合计 55% × 法定上限 1000000 元");
    }

    @Test
    void theFineStaysInsideTheStatutoryRangeUnlessAMitigationGroundIsRecorded() {
        Map<String, String> light = Map.of("EXCEEDANCE", "BELOW_0_5", "AREA", "GENERAL", "ATTITUDE", "CORRECTED");
        assertThat(calculator.compute(new DiscretionCalculator.Input("OVER_LIMIT_DISCHARGE", light, false, false,
                false), DAY).fine()).isEqualByComparingTo("100000");
        assertThat(calculator.compute(new DiscretionCalculator.Input("OVER_LIMIT_DISCHARGE", light, false, false,
                true), DAY).fine()).isEqualByComparingTo("50000");
        Map<String, String> heavy = Map.of("HARM", "SERIOUS", "PRIOR", "REPEATED");
        assertThat(calculator.compute(new DiscretionCalculator.Input("HIDDEN_PIPE", heavy, false, false, false), DAY)
                .fine()).isEqualByComparingTo("900000");
    }

    @Test
    void noPenaltyForAListedFirstMinorViolationCorrectedInTimeOrWithoutFault() {
        var first = calculator.compute(new DiscretionCalculator.Input("REPORT_NOT_FILED", Map.of("DELAY",
                "UNDER_30_DAYS"), true, false, false), DAY);
        assertThat(first.exempt()).isTrue();
        assertThat(first.fine()).isEqualByComparingTo("0");
        // Not on the list: a first hidden pipe is penalised all the same.
        assertThat(calculator.compute(new DiscretionCalculator.Input("HIDDEN_PIPE", Map.of("HARM", "MINOR",
                "PRIOR", "NONE"), true, false, false), DAY).fine()).isEqualByComparingTo("300000");
        assertThat(calculator.compute(new DiscretionCalculator.Input("HIDDEN_PIPE", Map.of(), false, true, false),
                DAY).exempt()).isTrue();
    }

    @Test
    void unknownViolationsOptionsAndDaysBeforeEveryTableAreRuleViolations() {
        assertThatThrownBy(() -> calculator.compute(new DiscretionCalculator.Input("NOISE", Map.of(), false, false,
                false), DAY)).isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("HIDDEN_PIPE");
        assertThatThrownBy(() -> calculator.compute(new DiscretionCalculator.Input("HIDDEN_PIPE", Map.of("HARM",
                "HUGE"), false, false, false), DAY)).isInstanceOf(DomainException.RuleViolation.class)
                .satisfies(e -> assertThat(((DomainException.RuleViolation) e).field()).isEqualTo("options.HARM"));
        assertThatThrownBy(() -> calculator.inForce(LocalDate.of(2025, 12, 31)))
                .isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    void theVersionInForceIsTheNewestThatTookEffect() {
        DiscretionTable old = new DiscretionTable("OLD", LocalDate.of(2020, 1, 1), List.of());
        DiscretionTable newer = new DiscretionTable("NEW", LocalDate.of(2027, 1, 1), List.of());
        DiscretionCalculator versions = new DiscretionCalculator(List.of(newer, old));
        assertThat(versions.inForce(LocalDate.of(2026, 6, 1)).version()).isEqualTo("OLD");
        assertThat(versions.inForce(LocalDate.of(2027, 1, 1)).version()).isEqualTo("NEW");
    }

    static List<DiscretionTable> shipped() {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = DiscretionCalculatorTest.class.getResourceAsStream("/discretion/tables.json")) {
            return List.of(json.treeToValue(json.readTree(in).get("tables"), DiscretionTable[].class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
