package gov.envgov.permit.enterprise;

/** The permit management class of a discharge unit (排污许可分类管理). */
public enum ManagementClass {
    /** 重点管理: key discharger, permit with the fullest obligations. */
    KEY,
    /** 简化管理: simplified permit. */
    SIMPLIFIED,
    /** 登记管理: registration only, no permit. */
    REGISTRATION
}
