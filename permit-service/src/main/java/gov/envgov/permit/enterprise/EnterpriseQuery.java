package gov.envgov.permit.enterprise;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import gov.envgov.support.web.SearchText;

/** Filters of the enterprise search; every one optional. {@code text} matches the name or a code prefix. */
record EnterpriseQuery(String text, String district, ManagementClass managementClass) {

    String where() {
        StringBuilder where = new StringBuilder();
        if (text != null && !text.isBlank()) {
            where.append(" AND (lower(name) LIKE :text OR code LIKE :codePrefix)");
        }
        if (district != null) {
            where.append(" AND district = :district");
        }
        if (managementClass != null) {
            where.append(" AND management_class = :class");
        }
        return where.isEmpty() ? "" : " WHERE" + where.substring(" AND".length());
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        if (text != null && !text.isBlank()) {
            bound = bound.bind("text", SearchText.contains(text)).bind("codePrefix", SearchText.codePrefix(text));
        }
        if (district != null) {
            bound = bound.bind("district", district);
        }
        if (managementClass != null) {
            bound = bound.bind("class", managementClass.name());
        }
        return bound;
    }
}
