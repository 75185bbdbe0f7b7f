package gov.envgov.permit.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EnterpriseTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Enterprise.Details DETAILS = new Enterprise.Details("盘锦辽河石化有限公司", "兴隆台区", "C2511",
            ManagementClass.KEY, "示范路1号", new GeoPoint(122.05, 41.1));

    @Test
    void registrationStartsAtVersionOneAndPublishesTheSnapshotWithoutContact() {
        var registered = Enterprise.register("91211103MA0GA0001Y", DETAILS, new Contact("王工", "0427-1234567", null), T0);
        assertThat(registered.enterprise().version()).isEqualTo(1);
        assertThat(registered.event().enterprise().code()).isEqualTo("91211103MA0GA0001Y");
        assertThat(registered.event().enterprise().longitude()).isEqualTo(122.05);
        assertThat(registered.event().enterprise().toString()).doesNotContain("0427-1234567");
    }

    @Test
    void anInvalidCodeCannotBeRegistered() {
        assertThatThrownBy(() -> Enterprise.register("91211103MA0GA0001X", DETAILS, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeThatChangesNothingIsNoNewVersion() {
        Enterprise enterprise = Enterprise.register("91211103MA0GA0001Y", DETAILS, null, T0).enterprise();
        assertThat(enterprise.change(DETAILS, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void aRealChangeRaisesTheVersionAndReportsTheWholeNewState() {
        Enterprise enterprise = Enterprise.register("91211103MA0GA0001Y", DETAILS, null, T0).enterprise();
        var changed = enterprise.change(new Enterprise.Details("盘锦辽河石化有限公司", "兴隆台区", "C2511",
                ManagementClass.SIMPLIFIED, "示范路1号", null), T0.plusSeconds(60)).orElseThrow();
        assertThat(changed.enterprise().version()).isEqualTo(2);
        assertThat(changed.enterprise().registeredAt()).isEqualTo(T0);
        assertThat(changed.event().enterprise().managementClass()).isEqualTo(ManagementClass.SIMPLIFIED);
        assertThat(changed.event().enterprise().longitude()).isNull();
    }

    @Test
    void aContactChangeIsANewVersionButNoEvent() {
        Enterprise enterprise = Enterprise.register("91211103MA0GA0001Y", DETAILS, null, T0).enterprise();
        Enterprise next = enterprise.changeContact(new Contact("李工", "13800000000", null), T0.plusSeconds(5));
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.snapshot().name()).isEqualTo(enterprise.snapshot().name());
    }
}
