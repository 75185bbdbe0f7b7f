package gov.envgov.complaint.statistics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The statistics report writes its suppressed cells as null, in its maps too (API-DOCUMENTED-RESPONSES): its
 * schema says so, for each count and for the values of each map of counts, which the record's types cannot.
 */
@Component
class StatisticsApiDescription implements GlobalOpenApiCustomizer {

    static final String REPORT = "ComplaintStatisticsReport";
    private static final List<String> NULLABLE = List.of("total", "answered", "onTime", "onTimeRate", "solved",
            "followedUp", "note");
    private static final List<String> COUNTS = List.of("byCategory", "byDistrict", "byMonth", "satisfaction");

    @Override
    public void customise(OpenAPI api) {
        Schema<?> report = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                : api.getComponents().getSchemas().get(REPORT);
        if (report == null || report.getProperties() == null) {
            return;
        }
        NULLABLE.stream().map(report.getProperties()::get).filter(property -> property != null)
                .forEach(StatisticsApiDescription::orNull);
        for (String name : COUNTS) {
            Schema<?> map = report.getProperties().get(name);
            if (map != null) {
                Schema<Object> count = new Schema<>();
                count.type("integer").types(Set.of("integer")).format("int64");
                map.setAdditionalProperties(orNull(count));
            }
        }
    }

    private static Schema<?> orNull(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>(schema.getTypes() == null ? Set.of() : schema.getTypes());
        if (types.isEmpty() && schema.getType() != null) {
            types.add(schema.getType());
        }
        types.add("null");
        schema.setTypes(types);
        schema.setNullable(true);
        return schema;
    }
}
