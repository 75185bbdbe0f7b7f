package gov.envgov.complaint.open311;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * A GeoReport v2 response in one of its two representations, both written by Jackson (XML by its XML module), in
 * UTF-8 with the charset in the content type; XML starts with its declaration. Documents are plain maps and lists;
 * in XML a list under key {@code "xs"} becomes {@code <xs><x>…</x></xs>}, and an empty list an empty element.
 */
enum Open311Response {
    JSON(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)),
    XML(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8));

    /** Woodstox's (Stax2) switch for writing an element without content as {@code <x/>}. */
    private static final String AUTOMATIC_EMPTY_ELEMENTS = "org.codehaus.stax2.automaticEmptyElements";
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final XmlMapper XML_MAPPER = XmlMapper.builder(XmlFactory.builder()
                    .xmlOutputFactory(explicitEndTags()).build())
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .build();

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

    MediaType mediaType() {
        return mediaType;
    }

    /** A list document, e.g. {@code <service_requests><request>…</request></service_requests>}. */
    ResponseEntity<String> list(HttpStatus status, String root, String item, List<? extends Map<String, ?>> items) {
        String body = this == JSON ? JSON_MAPPER.writeValueAsString(items)
                : xml(root, Map.of(item, items.stream().map(Open311Response::wrapped).toList()));
        return ResponseEntity.status(status).contentType(mediaType).body(body);
    }

    /** A single document, e.g. discovery or a service definition. */
    ResponseEntity<String> object(String root, Map<String, ?> document) {
        String body = this == JSON ? JSON_MAPPER.writeValueAsString(document) : xml(root, wrapped(document));
        return ResponseEntity.ok().contentType(mediaType).body(body);
    }

    ResponseEntity<String> error(HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return list(status, "errors", "error", List.of(error));
    }

    /**
     * Empty elements as start and end tag ({@code <service_requests></service_requests>}): equal to
     * {@code <service_requests/>} in XML, but what older GeoReport clients were tested against.
     */
    private static XMLOutputFactory explicitEndTags() {
        XMLOutputFactory factory = XMLOutputFactory.newFactory();
        if (factory.isPropertySupported(AUTOMATIC_EMPTY_ELEMENTS)) {
            factory.setProperty(AUTOMATIC_EMPTY_ELEMENTS, false);
        }
        return factory;
    }

    private static String xml(String root, Map<String, ?> document) {
        return XML_MAPPER.writer().withRootName(root).writeValueAsString(document);
    }

    /** Lists under a plural key get a wrapper element named by the key, each item its singular. */
    private static Map<String, Object> wrapped(Map<String, ?> document) {
        Map<String, Object> out = new LinkedHashMap<>();
        document.forEach((key, value) -> out.put(key, wrappedValue(key, value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object wrappedValue(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            return wrapped((Map<String, ?>) map);
        }
        if (value instanceof Collection<?> children) {
            String childName = key.endsWith("s") ? key.substring(0, key.length() - 1) : key + "_item";
            List<Object> items = children.stream().map(child -> wrappedValue(childName, child)).toList();
            return items.isEmpty() ? "" : Map.of(childName, items);
        }
        return value;
    }
}
