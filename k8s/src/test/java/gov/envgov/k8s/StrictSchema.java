package gov.envgov.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Validates manifests against the Kubernetes API types of the fabric8 model, as strictly as the API server's
 * strict field validation (kubectl apply --validate=strict): every field must be one the type has, and every value
 * must have the field's type without coercion (a quoted "8080" is no port number, an unquoted 8080 no label value).
 * The fabric8 types keep unknown fields in {@code additionalProperties} instead of failing, so the check walks the
 * deserialized object and reports every non-empty one with its path.
 */
final class StrictSchema {

    /** The built-in kinds the manifests may use, by apiVersion/kind. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

    /**
     * Kinds without a type in the model: CloudNativePG's custom resources (their CRD validates them in the cluster)
     * and kustomize's own file. Of these only the metadata is checked strictly.
     */
    static final Set<String> WITHOUT_TYPE = Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database",
            "kustomize.config.k8s.io/v1beta1/Kustomization");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    private StrictSchema() {
    }

    static String typeKey(Manifest m) {
        return Tree.string(m.doc(), "apiVersion") + "/" + m.kind();
    }

    /** Every problem of every document: no type for its kind, a value of the wrong type, an unknown field. */
    static List<String> check(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            problems.addAll(check(m));
        }
        return problems;
    }

    static List<String> check(Manifest m) {
        String key = typeKey(m);
        Class<?> type = TYPES.get(key);
        if (type == null && !WITHOUT_TYPE.contains(key)) {
            return List.of(m.describe() + ": " + key + " is not a kind these manifests may use (known: "
                    + new TreeSet<>(TYPES.keySet()) + ", custom: " + new TreeSet<>(WITHOUT_TYPE) + ")");
        }
        Object document = type != null ? m.doc() : m.doc().get("metadata");
        if (document == null) {
            return List.of();
        }
        Class<?> target = type != null ? type : ObjectMeta.class;
        Object typed;
        try {
            typed = MAPPER.convertValue(document, target);
        } catch (JacksonException | IllegalArgumentException e) {
            return List.of(m.describe() + ": does not match the type " + key + ": " + firstLine(e.getMessage()));
        }
        Set<String> unknown = new TreeSet<>();
        walk(typed, type != null ? "" : "metadata", unknown);
        return unknown.stream().map(u -> m.describe() + ": unknown field " + u + " (not in " + key + ")").toList();
    }

    private static void walk(Object value, String path, Set<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !name.startsWith("get") || name.length() < 4 || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a computed getter (Quantity's numerical amount of an odd value): not a field
            }
            if (name.equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(join(path, String.valueOf(k))));
                }
                continue;
            }
            walk(child, join(path, Character.toLowerCase(name.charAt(3)) + name.substring(4)), unknown);
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
