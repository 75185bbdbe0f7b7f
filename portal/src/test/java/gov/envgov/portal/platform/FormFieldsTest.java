package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Empty fields are left out for the service to name; values that are not numbers pass as typed. */
class FormFieldsTest {

    @Test
    void emptyFieldsAreMissingAndValuesAreTrimmed() {
        assertThat(FormFields.text(null)).isNull();
        assertThat(FormFields.text("  ")).isNull();
        assertThat(FormFields.text(" 兴隆台区 ")).isEqualTo("兴隆台区");
    }

    @Test
    void numbersAreNumbersAndAnythingElsePassesAsTypedForTheServiceToRefuse() {
        assertThat(FormFields.number("20.5")).isEqualTo(new BigDecimal("20.5"));
        assertThat(FormFields.number("twenty")).isEqualTo("twenty");
        assertThat(FormFields.number("")).isNull();
        assertThat(FormFields.whole(" 2025 ")).isEqualTo(2025);
        assertThat(FormFields.whole("2025.5")).isEqualTo("2025.5");
    }

    @Test
    void linesAreTheNonEmptyOnes() {
        assertThat(FormFields.lines("整改报告\n\n  监测报告 \r\n")).isEqualTo(List.of("整改报告", "监测报告"));
        assertThat(FormFields.lines(null)).isEmpty();
    }
}
