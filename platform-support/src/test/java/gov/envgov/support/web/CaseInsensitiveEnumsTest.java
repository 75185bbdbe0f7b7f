package gov.envgov.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** ERR-FIELD-NAMED: enum values in query parameters and path variables, in any letter case where unambiguous. */
class CaseInsensitiveEnumsTest {

    enum Category { AIR, WATER }

    enum Clash { Ab, AB }

    private final CaseInsensitiveEnums enums = new CaseInsensitiveEnums();

    @Test
    void aValueInAnotherCaseIsTheValue() {
        assertThat(enums.getConverter(Category.class).convert("air")).isEqualTo(Category.AIR);
        assertThat(enums.getConverter(Category.class).convert(" Water ")).isEqualTo(Category.WATER);
        assertThat(enums.getConverter(Category.class).convert("")).isNull();
    }

    @Test
    void anAmbiguousOrUnknownValueIsRefused() {
        assertThat(enums.getConverter(Clash.class).convert("AB")).isEqualTo(Clash.AB);
        assertThat(enums.getConverter(Clash.class).convert("Ab")).isEqualTo(Clash.Ab);
        assertThatIllegalArgumentException().isThrownBy(() -> enums.getConverter(Clash.class).convert("ab"));
        assertThatIllegalArgumentException().isThrownBy(() -> enums.getConverter(Category.class).convert("soil"));
    }
}
