package gov.envgov.k8s;

import java.util.List;
import java.util.Map;

/** Null-safe navigation in the maps and lists SnakeYAML produces. */
final class Tree {

    private Tree() {
    }

    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String... path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, String... path) {
        Object value = at(root, path);
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static String string(Object root, String... path) {
        Object value = at(root, path);
        return value == null ? null : String.valueOf(value);
    }

    static boolean has(Object root, String... path) {
        Object value = at(root, path);
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return value != null && !String.valueOf(value).isBlank();
    }

    /** True when every label the selector asks for is on the pod (an empty selector matches nothing here). */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }
}
