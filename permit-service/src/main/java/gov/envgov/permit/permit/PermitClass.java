package gov.envgov.permit.permit;

import gov.envgov.permit.enterprise.ManagementClass;
import gov.envgov.support.domain.DomainException;

/** The two classes that need a permit; registration-only units (登记管理) file a form instead. */
public enum PermitClass {
    KEY, SIMPLIFIED;

    /** The class a unit's permit has; a registration-only unit has none. */
    public static PermitClass of(ManagementClass managementClass) {
        if (managementClass == ManagementClass.REGISTRATION) {
            throw new DomainException.RuleViolation("registration-only", "enterpriseCode",
                    "a registration-only unit (登记管理) files a registration form, not a permit application");
        }
        return valueOf(managementClass.name());
    }
}
