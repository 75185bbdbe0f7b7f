package gov.envgov.permit.enterprise;

import org.jspecify.annotations.Nullable;

/** Filters of the enterprise search; every one optional. {@code text} matches the name or a code prefix. */
record EnterpriseQuery(@Nullable String text, @Nullable String district, @Nullable ManagementClass managementClass) {

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
