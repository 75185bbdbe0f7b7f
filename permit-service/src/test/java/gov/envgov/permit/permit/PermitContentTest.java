package gov.envgov.permit.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.envgov.permit.enterprise.GeoPoint;
import gov.envgov.permit.permit.PermitContent.Concentration;
import gov.envgov.permit.permit.PermitContent.MonitoringMethod;
import gov.envgov.permit.permit.PermitContent.MonitoringRequirement;
import gov.envgov.permit.permit.PermitContent.Outlet;
import gov.envgov.permit.permit.PermitContent.PermittedPollutant;
import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.support.domain.DomainException;

class PermitContentTest {

    static PermittedPollutant so2(double limit, Double tonnes) {
        return new PermittedPollutant("二氧化硫", new Concentration(limit, "mg/m3", "GB 13271-2014"), tonnes);
    }

    static Outlet outlet(String code, PermittedPollutant... pollutants) {
        return new Outlet(code, "排口", new GeoPoint(122.0, 41.0), "有组织", "大气", List.of(pollutants));
    }

    static PermitContent content(Outlet... outlets) {
        return new PermitContent("环评批复", List.of(outlets), List.of(), Set.of());
    }

    @Test
    void newOutletsNewPollutantsAndHigherLimitsAreExpansionsButLowerLimitsAreNot() {
        PermitContent before = content(outlet("DA001", so2(50, 12.0)));
        assertThat(content(outlet("DA001", so2(40, 10.0))).expansionsOver(before)).isEmpty();
        assertThat(content(outlet("DA001", so2(60, 12.0))).expansionsOver(before))
                .containsExactly("higher limit for 二氧化硫 at DA001");
        assertThat(content(outlet("DA001", so2(50, 13.0))).expansionsOver(before)).hasSize(1);
        assertThat(content(outlet("DA001", so2(50, null))).expansionsOver(before))
                .as("dropping the annual quantity lifts a limit").hasSize(1);
        assertThat(content(outlet("DA001", so2(50, 12.0),
                new PermittedPollutant("氮氧化物", new Concentration(100.0, "mg/m3", "GB"), 1.0)))
                .expansionsOver(before)).containsExactly("new pollutant 氮氧化物 at DA001");
        assertThat(content(outlet("DA001", so2(50, 12.0)), outlet("DA002", so2(10, 1.0))).expansionsOver(before))
                .containsExactly("new outlet DA002");
    }

    @Test
    void outletsAndPollutantsAreUniqueAndThePlanNamesRealOnes() {
        assertThatThrownBy(() -> content(outlet("DA001", so2(50, 1.0)), outlet("DA001", so2(50, 1.0)))
                .requireConsistent()).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("DA001 is listed twice");
        assertThatThrownBy(() -> content(outlet("DA001", so2(50, 1.0), so2(40, 1.0))).requireConsistent())
                .hasMessageContaining("二氧化硫 is listed twice");
        var plan = new PermitContent("环评", List.of(outlet("DA001", so2(50, 1.0))),
                List.of(new MonitoringRequirement("DW001", "COD", MonitoringMethod.AUTOMATIC, "连续")), Set.of());
        assertThatThrownBy(plan::requireConsistent).hasMessageContaining("DW001/COD");
    }

    @Test
    void keyHoldersOweQuarterlyReportsAndEveryoneAnAnnualOne() {
        PermitContent monthly = new PermitContent("环评", List.of(outlet("DA001", so2(50, 1.0))), List.of(),
                Set.of(ReportFrequency.MONTHLY));
        assertThat(monthly.frequenciesFor(PermitClass.SIMPLIFIED))
                .containsExactlyInAnyOrder(ReportFrequency.ANNUAL, ReportFrequency.MONTHLY);
        assertThat(content(outlet("DA001", so2(50, 1.0))).frequenciesFor(PermitClass.KEY))
                .containsExactlyInAnyOrder(ReportFrequency.ANNUAL, ReportFrequency.QUARTERLY);
    }
}
