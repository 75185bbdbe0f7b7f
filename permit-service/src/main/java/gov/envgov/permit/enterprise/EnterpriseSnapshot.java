package gov.envgov.permit.enterprise;

/**
 * What other services learn about an enterprise: its public registry data at one version. Part of the published
 * contract of {@link EnterpriseRegistered} and {@link EnterpriseChanged}; contact data is deliberately absent.
 */
public record EnterpriseSnapshot(String code, String name, String district, String industryCode,
                                 ManagementClass managementClass, String address, Double longitude,
                                 Double latitude, long version) {
}
