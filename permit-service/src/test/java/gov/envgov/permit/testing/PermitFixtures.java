package gov.envgov.permit.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import gov.envgov.permit.enterprise.GeoPoint;
import gov.envgov.permit.permit.ApplicationKind;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitClass;
import gov.envgov.permit.permit.PermitContent;
import gov.envgov.permit.permit.PermitStatus;

/** Permits as the services return them, for tests that stub the services. */
public final class PermitFixtures {

    public static final Instant CREATED = Instant.parse("2026-03-02T02:00:00Z");

    private PermitFixtures() {
    }

    /** A waste gas outlet with SO2 at 50 mg/m3 and 12 t/a. */
    public static PermitContent content() {
        return new PermitContent("盘环审〔2024〕12号", List.of(new PermitContent.Outlet("DA001", "锅炉烟囱",
                new GeoPoint(122.051, 41.101), "有组织", "大气", List.of(new PermitContent.PermittedPollutant(
                        "二氧化硫", new PermitContent.Concentration(50.0, "mg/m3", "GB 13271-2014"), 12.0)))),
                List.of(), Set.of());
    }

    /** An application of a key unit in the given state, at version 2. */
    public static Permit application(UUID id, String enterpriseCode, PermitStatus status) {
        return new Permit(id, enterpriseCode, "盘锦辽河石化示范有限公司", "兴隆台区", PermitClass.KEY,
                ApplicationKind.NEW, null, status, content(), "示范路1号", "李明", null, null, null, null, 2, CREATED,
                CREATED);
    }

    /** A permit issued on 10 March 2026 for five years, at version 4. */
    public static Permit issued(UUID id, String enterpriseCode) {
        return new Permit(id, enterpriseCode, "盘锦辽河石化示范有限公司", "兴隆台区", PermitClass.KEY,
                ApplicationKind.NEW, null, PermitStatus.ISSUED, content(), "示范路1号", "李明", null,
                new Permit.Validity(enterpriseCode + "001P", LocalDate.of(2026, 3, 10), LocalDate.of(2031, 3, 9)),
                null, null, 4, CREATED, CREATED);
    }
}
