package gov.envgov.support.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsAPublishedCodeWithItsCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void rejectsTheSameCodeWithAnyOtherCheckCharacter() {
        for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
            if (c != '3') {
                assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4" + c)).as("check %s", c).isFalse();
            }
        }
    }

    @Test
    void rejectsWrongLengthLowerCaseAndForbiddenLetters() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100m000100y43")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100MO00100Y43")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Test
    void checkCharacterZeroWhenTheSumIsAMultipleOf31() {
        // complete() must never produce the 32nd "character" 31: (31 - 0) % 31 == 0
        String code = UnifiedSocialCreditCode.complete("91211103MA0GA0001");
        assertThat(code).isEqualTo("91211103MA0GA0001Y");
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @Test
    void refusesCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("91211103MA0GA000I"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
