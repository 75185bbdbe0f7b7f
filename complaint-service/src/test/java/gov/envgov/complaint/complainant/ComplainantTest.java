package gov.envgov.complaint.complainant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplainantTest {

    @Test
    void maskingKeepsEnoughToRecogniseARepeatCallerAndNoMore() {
        Complainant masked = new Complainant("欧阳娜娜", "13812345678", "11010519491231002X").masked();
        assertThat(masked.name()).isEqualTo("欧***");
        assertThat(masked.phone()).isEqualTo("138****5678");
        assertThat(masked.idNumber()).isEqualTo("1101**********002X");
        assertThat(new Complainant("王", "123", null).masked().phone()).isEqualTo("***");
    }

    @Test
    void personalDataNeverPrintsThroughToString() {
        assertThat(new Complainant("张三", "13812345678", null).toString()).doesNotContain("张三", "138");
    }

    @Test
    void residentIdNumbersAreCheckedMod11() {
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
        assertThat(ResidentIdNumber.isValid("11010519491231002x")).isFalse();
    }
}
