package gov.envgov.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import gov.envgov.support.code.UnifiedSocialCreditCode;

class DemoDataTest {

    private final List<Map<String, Object>> units = DemoData.generate();

    @Test
    void isShapedLikeTheSeedCity() {
        Map<Object, Long> byClass = units.stream()
                .collect(Collectors.groupingBy(unit -> unit.get("managementClass"), Collectors.counting()));
        assertThat(byClass).containsEntry("KEY", 172L).containsEntry("SIMPLIFIED", 294L)
                .containsEntry("REGISTRATION", 2922L);
        Set<Object> districts = units.stream().map(unit -> unit.get("district")).collect(Collectors.toSet());
        assertThat(districts).containsExactlyInAnyOrder("双台子区", "兴隆台区", "大洼区", "盘山县", "辽东湾新区");
    }

    @Test
    void everyCodeIsUniqueAndHasAValidCheckCharacter() {
        Set<Object> codes = units.stream().map(unit -> unit.get("code")).collect(Collectors.toSet());
        assertThat(codes).hasSize(units.size());
        for (Object code : codes) {
            assertThat(UnifiedSocialCreditCode.isValid((String) code)).as("%s", code).isTrue();
        }
    }

    @Test
    void theDemoEnterpriseUsersOwnTwoOfTheUnitsAndTheSetIsTheSameEveryTime() {
        assertThat(units.get(0).get("code")).isEqualTo(DemoData.ENTERPRISE_A);
        assertThat(units.get(1).get("code")).isEqualTo(DemoData.ENTERPRISE_B);
        assertThat(DemoData.generate()).isEqualTo(units);
    }
}
