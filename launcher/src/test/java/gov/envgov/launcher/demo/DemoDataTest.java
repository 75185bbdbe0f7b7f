package gov.envgov.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.support.code.UnifiedSocialCreditCode;

class DemoDataTest {

    private final List<Map<String, Object>> units = DemoData.generate();

    @Test
    void isShapedLikeTheSeedCity() {
        Map<Object, Long> byClass = units.stream()
                .collect(Collectors.groupingBy(unit -> unit.get("managementClass"), Collectors.counting()));
        assertThat(byClass).containsEntry("KEY", 172L).containsEntry("SIMPLIFIED", 295L)
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
    void theDemoEnterpriseUsersOwnTheFirstUnitsAndTheSetIsTheSameEveryTime() {
        assertThat(units.subList(0, 4)).extracting(unit -> unit.get("code")).containsExactly(DemoData.ENTERPRISE_A,
                DemoData.ENTERPRISE_B, DemoData.ENTERPRISE_C, DemoData.ENTERPRISE_D);
        assertThat(DemoData.generate()).isEqualTo(units);
    }

    @Test
    @DisplayName("DEMO-FREE-TO-APPLY: ent-d's unit may apply for a permit and the demo permits leave it without one")
    void demoFreeToApplyEntDsUnitMayApplyAndTheDemoPermitsLeaveItWithoutOne() {
        Map<String, Object> unitOfD = units.get(3);
        assertThat(UnifiedSocialCreditCode.isValid(DemoData.ENTERPRISE_D)).isTrue();
        // A registration-only unit cannot apply for a permit; a simplified-class one can.
        assertThat(unitOfD).containsEntry("managementClass", "SIMPLIFIED").containsEntry("district", "盘山县");
        assertThat(DemoPermits.movesInAPermit(unitOfD)).isFalse();
        assertThat(units).filteredOn(unit -> !unit.equals(unitOfD) && !"REGISTRATION".equals(
                unit.get("managementClass"))).allSatisfy(unit -> assertThat(DemoPermits.movesInAPermit(unit))
                .as("%s", unit.get("code")).isTrue());
    }

    @Test
    void addingEntDChangedNoOtherUnit() {
        // The units generated after the demo enterprises are those of the set before ent-d (its placement draws
        // from a generator of its own): the first and the last as they were then.
        assertThat(units).hasSize(172 + 295 + 2922);
        assertThat(units.get(4)).containsEntry("code", "91211100MA8NLXCFXX")
                .containsEntry("address", "辽宁省盘锦市辽东湾新区示范路163号");
        assertThat(units.get(units.size() - 1)).containsEntry("code", "91211103MAB2CRU2J3")
                .containsEntry("address", "辽宁省盘锦市兴隆台区示范路536号");
    }
}
