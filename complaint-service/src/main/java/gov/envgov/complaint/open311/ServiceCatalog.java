package gov.envgov.complaint.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.ComplaintType;

/** Open311 services are the complaint categories; each has the same definition (district, type, enterprise). */
final class ServiceCatalog {

    private static final Map<Category, String[]> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(Category.AIR, new String[] {"air", "大气污染 Air pollution", "废气、烟尘、扬尘"});
        SERVICES.put(Category.WATER, new String[] {"water", "水污染 Water pollution", "废水、黑臭水体、偷排"});
        SERVICES.put(Category.NOISE, new String[] {"noise", "噪声污染 Noise", "工业、施工、社会生活噪声"});
        SERVICES.put(Category.SOLID_WASTE, new String[] {"solid_waste", "固体废物 Solid waste", "固废、危险废物"});
        SERVICES.put(Category.ODOUR, new String[] {"odour", "异味 Odour", "恶臭、刺激性气味"});
        SERVICES.put(Category.RADIATION, new String[] {"radiation", "辐射 Radiation", "电磁、放射源"});
        SERVICES.put(Category.ECOLOGY, new String[] {"ecology", "生态破坏 Ecology", "湿地、自然保护地、生态破坏"});
        SERVICES.put(Category.OTHER, new String[] {"other", "其他 Other", "其他生态环境问题"});
    }

    private ServiceCatalog() {
    }

    static List<Map<String, Object>> services() {
        return SERVICES.entrySet().stream().map(entry -> {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", entry.getValue()[0]);
            service.put("service_name", entry.getValue()[1]);
            service.put("description", entry.getValue()[2]);
            service.put("metadata", true);
            service.put("type", "realtime");
            service.put("keywords", entry.getValue()[2].replace("、", ","));
            service.put("group", "生态环境 Environment");
            return service;
        }).toList();
    }

    static Optional<Category> category(String serviceCode) {
        return SERVICES.entrySet().stream().filter(entry -> entry.getValue()[0].equals(serviceCode))
                .map(Map.Entry::getKey).findFirst();
    }

    static String code(Category category) {
        return SERVICES.get(category)[0];
    }

    static String name(Category category) {
        return SERVICES.get(category)[1];
    }

    static Map<String, Object> definition(String serviceCode, List<String> districts) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", serviceCode);
        definition.put("attributes", List.of(
                attribute("district", "singlevaluelist", false, 1,
                        "所在区县 District (default: the one lat/long lies in, or the one address_string names)",
                        districts.stream().map(d -> Map.<String, Object>of("key", d, "name", d)).toList()),
                attribute("type", "singlevaluelist", false, 2, "类型 Type (default: complaint)",
                        List.of(ComplaintType.values()).stream().map(t -> Map.<String, Object>of(
                                "key", t.name().toLowerCase(), "name", t.name().toLowerCase())).toList()),
                attribute("enterprise_code", "string", false, 3,
                        "被投诉企业统一社会信用代码 Unified social credit code of the enterprise", List.of()),
                attribute("coordinate_system", "singlevaluelist", false, 4,
                        "坐标系 Coordinate system of lat/long (converted to WGS84)", List.of(
                                Map.of("key", "wgs84", "name", "WGS84"), Map.of("key", "gcj02", "name", "GCJ-02"),
                                Map.of("key", "bd09", "name", "BD-09"))),
                attribute("public", "singlevaluelist", false, 5,
                        "同意公开 Publish this request in the public feed, scrubbed of personal data (default: no)",
                        List.of(Map.of("key", "true", "name", "yes"), Map.of("key", "false", "name", "no")))));
        return definition;
    }

    private static Map<String, Object> attribute(String code, String datatype, boolean required, int order,
                                                 String description, List<Map<String, Object>> values) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", code);
        attribute.put("datatype", datatype);
        attribute.put("required", required);
        attribute.put("datatype_description", null);
        attribute.put("order", order);
        attribute.put("description", description);
        attribute.put("values", values);
        return attribute;
    }
}
