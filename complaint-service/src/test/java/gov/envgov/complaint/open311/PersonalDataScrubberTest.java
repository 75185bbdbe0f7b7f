package gov.envgov.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** O311-PERSONAL-DATA-SCRUBBED: a corpus of personal data in Chinese complaint texts. */
class PersonalDataScrubberTest {

    record Case(String text, String secret, String mask) {
    }

    static List<Case> corpus() {
        return List.of(
                new Case("工厂冒黑烟，请联系我13812345678谢谢", "13812345678", PersonalDataScrubber.PHONE_MASK),
                new Case("我的电话 138-1234-5678，晚上打", "138-1234-5678", PersonalDataScrubber.PHONE_MASK),
                new Case("手机 138 1234 5678", "138 1234 5678", PersonalDataScrubber.PHONE_MASK),
                new Case("电话：+86 138 1234 5678", "1234 5678", PersonalDataScrubber.PHONE_MASK),
                new Case("座机0427-2812345", "2812345", PersonalDataScrubber.PHONE_MASK),
                new Case("座机（0427）2812345", "2812345", PersonalDataScrubber.PHONE_MASK),
                new Case("全角号码１３８１２３４５６７８请回电", "１３８１２３４５６７８", PersonalDataScrubber.PHONE_MASK),
                new Case("全角号码１３８１２３４５６７８请回电", "13812345678", PersonalDataScrubber.PHONE_MASK),
                new Case("打一三八一二三四五六七八找我", "一三八一二三四五六七八", PersonalDataScrubber.PHONE_MASK),
                new Case("邮箱zhang.san@example.com有照片", "zhang.san@example.com", PersonalDataScrubber.EMAIL_MASK),
                new Case("邮箱 zhangsan ＠ example . cn", "zhangsan", PersonalDataScrubber.EMAIL_MASK),
                new Case("身份证211103199001011234举报", "211103199001011234", PersonalDataScrubber.ID_MASK),
                new Case("身份证号21110319900101123X", "21110319900101123X", PersonalDataScrubber.ID_MASK),
                new Case("证件 211103 19900101 1234", "19900101", PersonalDataScrubber.ID_MASK),
                new Case("渣土车辽L12345夜里偷倒", "辽L12345", PersonalDataScrubber.PLATE_MASK),
                new Case("车牌辽L·D12345（新能源）", "D12345", PersonalDataScrubber.PLATE_MASK),
                new Case("车牌 京a 88888 的车", "88888", PersonalDataScrubber.PLATE_MASK));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    @DisplayName("O311-PERSONAL-DATA-SCRUBBED: phone, e-mail, ID and plate numbers are masked")
    void personalDataIsMasked(Case example) {
        String scrubbed = PersonalDataScrubber.scrub(example.text());
        assertThat(scrubbed).doesNotContain(example.secret()).contains(example.mask());
    }

    @Test
    @DisplayName("O311-PERSONAL-DATA-SCRUBBED: dates, times, short numbers and the complaint itself stay")
    void whatIsNotPersonalStays() {
        String text = "2026-12-01 晚上 22:30 起，兴隆台区石油大街 1 号的工厂排放异味，PM2.5 很高，持续 3 小时";
        assertThat(PersonalDataScrubber.scrub(text)).isEqualTo(text);
    }
}
