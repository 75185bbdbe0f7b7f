package gov.envgov.permit.permit;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import gov.envgov.support.web.SearchText;

/**
 * Filters of the public permit search over {@code permit_directory}; every one optional. {@code text} matches the
 * holder's name, or a prefix of the credit code or permit number. The directory holds issued permits (current or
 * ended); a superseded one is shown through its successor.
 */
record PublicPermitQuery(String text, String district, PermitClass permitClass) {

    String where() {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (text != null && !text.isBlank()) {
            where.append(" AND (name_lower LIKE :text OR enterprise_code LIKE :codePrefix")
                    .append(" OR number LIKE :codePrefix)");
        }
        if (district != null) {
            where.append(" AND district = :district");
        }
        if (permitClass != null) {
            where.append(" AND management_class = :class");
        }
        return where.toString();
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        if (text != null && !text.isBlank()) {
            bound = bound.bind("text", SearchText.contains(text)).bind("codePrefix", SearchText.codePrefix(text));
        }
        if (district != null) {
            bound = bound.bind("district", district);
        }
        if (permitClass != null) {
            bound = bound.bind("class", permitClass.name());
        }
        return bound;
    }
}
