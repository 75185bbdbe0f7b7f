package gov.envgov.complaint.open311;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoReport v2 response in one of its two representations. Documents are plain maps and lists; XML is written by
 * hand because its shape is fixed and small: a list under key {@code "xs"} becomes {@code <xs><x>…</x></xs>}.
 */
enum Open311Response {
    JSON(MediaType.APPLICATION_JSON), XML(MediaType.TEXT_XML);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final MediaType mediaType;

    Open311Response(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Response of(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase()) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw Open311Exception.badRequest("format must be json or xml");
        };
    }

    /** A list document, e.g. {@code <service_requests><request>…</request></service_requests>}. */
    ResponseEntity<String> list(HttpStatus status, String root, String item, List<? extends Map<String, ?>> items) {
        String body = this == JSON ? MAPPER.writeValueAsString(items) : xmlList(root, item, items);
        return ResponseEntity.status(status).contentType(mediaType).body(body);
    }

    /** A single document, e.g. discovery or a service definition. */
    ResponseEntity<String> object(String root, Map<String, ?> document) {
        String body = this == JSON ? MAPPER.writeValueAsString(document)
                : "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + element(root, document);
        return ResponseEntity.ok().contentType(mediaType).body(body);
    }

    ResponseEntity<String> error(HttpStatus status, String description) {
        return list(status, "errors", "error",
                List.of(Map.of("code", status.value(), "description", description)));
    }

    private static String xmlList(String root, String item, List<? extends Map<String, ?>> items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><").append(root).append('>');
        for (Map<String, ?> entry : items) {
            out.append(element(item, entry));
        }
        return out.append("</").append(root).append('>').toString();
    }

    private static String element(String name, Object value) {
        StringBuilder out = new StringBuilder("<").append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> out.append(element(String.valueOf(key), child)));
        } else if (value instanceof Collection<?> children) {
            String childName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "_item";
            children.forEach(child -> out.append(element(childName, child)));
        } else if (value != null) {
            out.append(escape(String.valueOf(value)));
        }
        return out.append("</").append(name).append('>').toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
