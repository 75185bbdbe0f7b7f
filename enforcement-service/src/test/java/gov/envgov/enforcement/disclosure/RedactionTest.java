package gov.envgov.enforcement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ENF-PUBLISH-REDACTION: what a published decision may not show. */
class RedactionTest {

    @Test
    void idNumbersBankAccountsAndMobileNumbersAreMasked() {
        assertThat(Redaction.text("当事人身份证号210203199001011234，另一人21020319900101123X。"))
                .isEqualTo("当事人身份证号[身份证号已隐去]，另一人[身份证号已隐去]。");
        assertThat(Redaction.text("罚款汇入账户6222021234567890123")).isEqualTo("罚款汇入账户6222********0123");
        assertThat(Redaction.text("联系电话13812345678")).isEqualTo("联系电话138****5678");
    }

    @Test
    void creditCodesAmountsAndDatesStay() {
        String text = "盘锦某公司（91211103MA0GA0001Y）于2026-10-08被处罚款40000元";
        assertThat(Redaction.text(text)).isEqualTo(text);
        assertThat(Redaction.text(null)).isEmpty();
    }

    @Test
    void aNaturalPersonAsPartyIsNotNamed() {
        assertThat(Redaction.party(true, "210203199001011234")).isEqualTo("个人（依法隐去）");
        assertThat(Redaction.party(false, "91211103MA0GA0001Y")).isEqualTo("91211103MA0GA0001Y");
    }
}
