package gov.envgov.k8s;

import java.util.List;
import java.util.Map;

/** Kubernetes label selectors (matchLabels and matchExpressions) as the API server evaluates them. */
final class Labels {

    private Labels() {
    }

    /** Whether the selector selects an object with these labels; the empty selector {} selects everything. */
    static boolean select(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> e : Tree.map(selector, "matchLabels").entrySet()) {
            if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Object expression : Tree.list(selector, "matchExpressions")) {
            String key = Tree.string(expression, "key");
            List<String> values = Tree.list(expression, "values").stream().map(String::valueOf).toList();
            String operator = Tree.string(expression, "operator");
            boolean matches = switch (String.valueOf(operator)) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException(
                        "unknown selector operator " + operator + " in " + selector);
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
