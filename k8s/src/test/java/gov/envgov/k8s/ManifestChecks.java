package gov.envgov.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks on the manifests. Each returns the problems it found (empty = fine), so that ManifestsTest can assert
 * on the real manifests and ManifestChecksTest can show that each check reports a broken manifest.
 */
final class ManifestChecks {

    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String READINESS_PATH = "/actuator/health/readiness";

    private ManifestChecks() {
    }

    /** Our containers have an HTTP liveness and readiness probe on the actuator health groups, on a declared port. */
    static List<String> probes(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Container c : Container.ours(manifests)) {
            probe(c, "livenessProbe", LIVENESS_PATH, problems);
            probe(c, "readinessProbe", READINESS_PATH, problems);
        }
        return problems;
    }

    private static void probe(Container c, String probe, String path, List<String> problems) {
        if (!Tree.has(c.spec(), probe)) {
            problems.add(c.describe() + " has no " + probe);
            return;
        }
        String actualPath = Tree.string(c.spec(), probe, "httpGet", "path");
        if (!path.equals(actualPath)) {
            problems.add(c.describe() + " " + probe + " should be GET " + path + " but is " + actualPath);
        }
        Object port = Tree.at(c.spec(), probe, "httpGet", "port");
        if (!c.declaresPort(port)) {
            problems.add(c.describe() + " " + probe + " uses port " + port + ", which the container does not declare");
        }
    }

    /** Our containers request and limit both cpu and memory. */
    static List<String> resources(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Container c : Container.ours(manifests)) {
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!Tree.has(c.spec(), "resources", kind, resource)) {
                        problems.add(c.describe() + " has no resources." + kind + "." + resource);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Every variable the container sets is one the service reads ({@code readByService}); no envFrom (it hides
     * the names); no duplicates.
     */
    static List<String> environmentVariables(Container c, Set<String> readByService) {
        List<String> problems = new ArrayList<>();
        if (!Tree.list(c.spec(), "envFrom").isEmpty()) {
            problems.add(c.describe() + " uses envFrom; set every variable with an explicit env entry");
        }
        Set<String> seen = new TreeSet<>();
        for (Object env : Tree.list(c.spec(), "env")) {
            String name = Tree.string(env, "name");
            if (!seen.add(name)) {
                problems.add(c.describe() + " sets " + name + " twice");
            }
            if (!readByService.contains(name)) {
                problems.add(c.describe() + " sets " + name + ", which " + c.service() + " does not read (it reads "
                        + readByService + ")");
            }
        }
        return problems;
    }

    /**
     * Every Deployment of ours has a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler of the same name
     * that actually select / target it; every StatefulSet of ours has its headless governing Service.
     */
    static List<String> companions(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        Set<Manifest> seen = new LinkedHashSet<>();
        for (Container c : Container.ours(manifests)) {
            Manifest workload = c.owner();
            if (!seen.add(workload)) {
                continue;
            }
            String name = workload.name();
            if (workload.is("Deployment")) {
                service(manifests, name, c, problems);
                pdb(manifests, name, c, problems);
                hpa(manifests, name, c, problems);
            } else if (workload.is("StatefulSet")) {
                String governing = Tree.string(workload.doc(), "spec", "serviceName");
                Optional<Manifest> service = find(manifests, "Service", governing);
                if (service.isEmpty()) {
                    problems.add(workload.describe() + " has no governing Service " + governing);
                } else {
                    if (!"None".equals(Tree.string(service.get().doc(), "spec", "clusterIP"))) {
                        problems.add(service.get().describe() + " governs a StatefulSet but is not headless (clusterIP: None)");
                    }
                    checkServiceSelectsPods(service.get(), c, problems);
                }
            }
        }
        return problems;
    }

    private static void service(List<Manifest> manifests, String name, Container c, List<String> problems) {
        Optional<Manifest> service = find(manifests, "Service", name);
        if (service.isEmpty()) {
            problems.add(c.owner().describe() + " has no Service " + name);
            return;
        }
        checkServiceSelectsPods(service.get(), c, problems);
    }

    private static void checkServiceSelectsPods(Manifest service, Container c, List<String> problems) {
        if (!Tree.selects(Tree.map(service.doc(), "spec", "selector"), c.podLabels())) {
            problems.add(service.describe() + " selector does not select the pods of " + c.owner().describe());
        }
        boolean portMatches = Tree.list(service.doc(), "spec", "ports").stream().anyMatch(p -> {
            Object target = Tree.at(p, "targetPort");
            return c.declaresPort(target != null ? target : Tree.at(p, "port"));
        });
        if (!portMatches) {
            problems.add(service.describe() + " has no port whose targetPort is a port of " + c.describe());
        }
    }

    private static void pdb(List<Manifest> manifests, String name, Container c, List<String> problems) {
        Optional<Manifest> pdb = find(manifests, "PodDisruptionBudget", name);
        if (pdb.isEmpty()) {
            problems.add(c.owner().describe() + " has no PodDisruptionBudget " + name);
            return;
        }
        if (!Tree.selects(Tree.map(pdb.get().doc(), "spec", "selector", "matchLabels"), c.podLabels())) {
            problems.add(pdb.get().describe() + " selector does not select the pods of " + c.owner().describe());
        }
        Object minAvailable = Tree.at(pdb.get().doc(), "spec", "minAvailable");
        Object replicas = Tree.at(c.owner().doc(), "spec", "replicas");
        if (!(minAvailable instanceof Number min) || min.intValue() < 1) {
            problems.add(pdb.get().describe() + " should keep minAvailable >= 1 pods, has " + minAvailable);
        } else if (!(replicas instanceof Number r) || r.intValue() <= min.intValue()) {
            problems.add(c.owner().describe() + " has " + replicas + " replicas, so its PodDisruptionBudget (minAvailable "
                    + min + ") would block every voluntary eviction");
        }
    }

    private static void hpa(List<Manifest> manifests, String name, Container c, List<String> problems) {
        Optional<Manifest> hpa = find(manifests, "HorizontalPodAutoscaler", name);
        if (hpa.isEmpty()) {
            problems.add(c.owner().describe() + " has no HorizontalPodAutoscaler " + name);
            return;
        }
        Map<String, Object> spec = Tree.map(hpa.get().doc(), "spec");
        if (!"Deployment".equals(Tree.string(spec, "scaleTargetRef", "kind"))
                || !name.equals(Tree.string(spec, "scaleTargetRef", "name"))) {
            problems.add(hpa.get().describe() + " does not target Deployment/" + name);
        }
        Object min = spec.get("minReplicas");
        Object max = spec.get("maxReplicas");
        if (!(min instanceof Number mn) || mn.intValue() < 2 || !(max instanceof Number mx) || mx.intValue() < mn.intValue()) {
            problems.add(hpa.get().describe() + " should scale from at least 2 replicas up, has min " + min + " max " + max);
        }
        boolean cpu = Tree.list(spec, "metrics").stream()
                .anyMatch(m -> "cpu".equals(Tree.string(m, "resource", "name"))
                        && "Utilization".equals(Tree.string(m, "resource", "target", "type"))
                        && Tree.at(m, "resource", "target", "averageUtilization") instanceof Number);
        if (!cpu) {
            problems.add(hpa.get().describe() + " has no cpu utilization target");
        }
    }

    private static Optional<Manifest> find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.is(kind) && name != null && name.equals(m.name())).findFirst();
    }

    /** kustomization.yaml lists every other YAML file of its folder, each once, and nothing that is not there. */
    static List<String> kustomization(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            return List.of(file + " does not exist");
        }
        List<Manifest> docs = Manifests.parse("kustomization.yaml", Files.readString(file));
        List<Object> resources = docs.isEmpty() ? List.of() : Tree.list(docs.get(0).doc(), "resources");
        Set<String> listed = new LinkedHashSet<>();
        for (Object resource : resources) {
            if (!listed.add(String.valueOf(resource))) {
                problems.add("kustomization.yaml lists " + resource + " twice");
            }
        }
        Set<String> present = new TreeSet<>();
        for (Path f : Manifests.yamlFiles(dir)) {
            String name = f.getFileName().toString();
            if (!name.equals("kustomization.yaml") && !name.equals("kustomization.yml")) {
                present.add(name);
            }
        }
        for (String name : present) {
            if (!listed.contains(name)) {
                problems.add("kustomization.yaml does not list " + name);
            }
        }
        for (String name : listed) {
            if (!present.contains(name)) {
                problems.add("kustomization.yaml lists " + name + ", which is not a manifest file in " + dir);
            }
        }
        return problems;
    }

    /**
     * Every secretKeyRef / configMapKeyRef (and envFrom, volume and CloudNativePG passwordSecret reference) names a
     * Secret / ConfigMap defined in the manifests, with the key it asks for. {@code externalConfigMaps} are created
     * outside kustomize (documented in the README) and only exempt from the existence check of volumes.
     */
    static List<String> references(List<Manifest> manifests, Set<String> externalConfigMaps) {
        Map<String, Set<String>> configMaps = keysOf(manifests, "ConfigMap");
        Map<String, Set<String>> secrets = keysOf(manifests, "Secret");
        List<String> problems = new ArrayList<>();
        for (Container c : Container.all(manifests)) {
            for (Object env : Tree.list(c.spec(), "env")) {
                String var = Tree.string(env, "name");
                keyRef(c.describe() + " " + var, Tree.map(env, "valueFrom", "secretKeyRef"), "Secret", secrets, problems);
                keyRef(c.describe() + " " + var, Tree.map(env, "valueFrom", "configMapKeyRef"), "ConfigMap", configMaps, problems);
            }
            for (Object from : Tree.list(c.spec(), "envFrom")) {
                exists(c.describe() + " envFrom", Tree.map(from, "secretRef"), "name", "Secret", secrets, Set.of(), problems);
                exists(c.describe() + " envFrom", Tree.map(from, "configMapRef"), "name", "ConfigMap", configMaps, Set.of(), problems);
            }
        }
        Set<Manifest> seenPods = new LinkedHashSet<>();
        for (Container c : Container.all(manifests)) {
            if (!seenPods.add(c.owner())) {
                continue;
            }
            for (Object volume : Tree.list(c.podSpec(), "volumes")) {
                String where = c.owner().describe() + " volume " + Tree.string(volume, "name");
                volumeRef(where, Tree.map(volume, "configMap"), "name", "ConfigMap", configMaps, externalConfigMaps, problems);
                volumeRef(where, Tree.map(volume, "secret"), "secretName", "Secret", secrets, Set.of(), problems);
                for (Object source : Tree.list(volume, "projected", "sources")) {
                    volumeRef(where, Tree.map(source, "configMap"), "name", "ConfigMap", configMaps, externalConfigMaps, problems);
                    volumeRef(where, Tree.map(source, "secret"), "name", "Secret", secrets, Set.of(), problems);
                }
            }
        }
        for (Manifest m : manifests) {
            if (m.is("Cluster") && String.valueOf(Tree.string(m.doc(), "apiVersion")).startsWith("postgresql.cnpg.io/")) {
                for (Object role : Tree.list(m.doc(), "spec", "managed", "roles")) {
                    String where = m.describe() + " role " + Tree.string(role, "name");
                    String secret = Tree.string(role, "passwordSecret", "name");
                    if (secret == null) {
                        continue;
                    }
                    for (String key : List.of("username", "password")) {
                        keyRef(where, Map.of("name", secret, "key", key), "Secret", secrets, problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void keyRef(String where, Map<String, Object> ref, String kind, Map<String, Set<String>> defined,
            List<String> problems) {
        if (ref.isEmpty() || Boolean.TRUE.equals(ref.get("optional"))) {
            return;
        }
        String name = Tree.string(ref, "name");
        String key = Tree.string(ref, "key");
        if (!defined.containsKey(name)) {
            problems.add(where + " refers to " + kind + " " + name + ", which the manifests do not define");
        } else if (!defined.get(name).contains(key)) {
            problems.add(where + " refers to key " + key + " of " + kind + " " + name + ", which has only " + defined.get(name));
        }
    }

    private static void exists(String where, Map<String, Object> ref, String nameField, String kind,
            Map<String, Set<String>> defined, Set<String> external, List<String> problems) {
        if (ref.isEmpty() || Boolean.TRUE.equals(ref.get("optional"))) {
            return;
        }
        String name = Tree.string(ref, nameField);
        if (!defined.containsKey(name) && !external.contains(name)) {
            problems.add(where + " refers to " + kind + " " + name + ", which the manifests do not define");
        }
    }

    private static void volumeRef(String where, Map<String, Object> ref, String nameField, String kind,
            Map<String, Set<String>> defined, Set<String> external, List<String> problems) {
        exists(where, ref, nameField, kind, defined, external, problems);
        String name = Tree.string(ref, nameField);
        if (defined.containsKey(name)) {
            for (Object item : Tree.list(ref, "items")) {
                String key = Tree.string(item, "key");
                if (!defined.get(name).contains(key)) {
                    problems.add(where + " refers to key " + key + " of " + kind + " " + name + ", which has only "
                            + defined.get(name));
                }
            }
        }
    }

    private static Map<String, Set<String>> keysOf(List<Manifest> manifests, String kind) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (Manifest m : manifests) {
            if (m.is(kind)) {
                Set<String> k = keys.computeIfAbsent(m.name(), n -> new TreeSet<>());
                for (String section : List.of("data", "stringData", "binaryData")) {
                    k.addAll(Tree.map(m.doc(), section).keySet());
                }
            }
        }
        return keys;
    }

    /**
     * Values Kubernetes only accepts as strings are strings (SnakeYAML, like the API server, reads an unquoted
     * 8080 or true as a number or boolean): env values and ConfigMap / Secret data.
     */
    static List<String> stringValues(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Container c : Container.all(manifests)) {
            for (Object env : Tree.list(c.spec(), "env")) {
                Object value = Tree.at(env, "value");
                if (value != null && !(value instanceof String)) {
                    problems.add(c.describe() + " env " + Tree.string(env, "name") + " value " + value + " must be quoted");
                }
            }
        }
        for (Manifest m : manifests) {
            if (m.is("ConfigMap") || m.is("Secret")) {
                for (String section : List.of("data", "stringData")) {
                    Tree.map(m.doc(), section).forEach((key, value) -> {
                        if (!(value instanceof String)) {
                            problems.add(m.describe() + " " + section + "." + key + " value " + value + " must be quoted");
                        }
                    });
                }
            }
        }
        return problems;
    }

    /**
     * Our containers run as non-root on a read-only root file system with a writable emptyDir on /tmp, and size
     * the JVM heap from the memory limit.
     */
    static List<String> security(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Container c : Container.ours(manifests)) {
            boolean nonRoot = Boolean.TRUE.equals(Tree.at(c.spec(), "securityContext", "runAsNonRoot"))
                    || (Boolean.TRUE.equals(Tree.at(c.podSpec(), "securityContext", "runAsNonRoot"))
                            && !Boolean.FALSE.equals(Tree.at(c.spec(), "securityContext", "runAsNonRoot")));
            if (!nonRoot) {
                problems.add(c.describe() + " does not set runAsNonRoot: true");
            }
            if (!Boolean.TRUE.equals(Tree.at(c.spec(), "securityContext", "readOnlyRootFilesystem"))) {
                problems.add(c.describe() + " does not set readOnlyRootFilesystem: true");
            }
            Optional<Object> tmp = Tree.list(c.spec(), "volumeMounts").stream()
                    .filter(v -> "/tmp".equals(Tree.string(v, "mountPath"))).findFirst();
            boolean tmpIsEmptyDir = tmp.isPresent() && Tree.list(c.podSpec(), "volumes").stream()
                    .anyMatch(v -> Objects.equals(Tree.string(tmp.get(), "name"), Tree.string(v, "name")) && Tree.at(v, "emptyDir") != null);
            if (!tmpIsEmptyDir) {
                problems.add(c.describe() + " has no emptyDir mounted on /tmp");
            }
            boolean heapFromLimit = Tree.list(c.spec(), "env").stream()
                    .anyMatch(e -> "JAVA_TOOL_OPTIONS".equals(Tree.string(e, "name"))
                            && String.valueOf(Tree.string(e, "value")).contains("-XX:MaxRAMPercentage="));
            if (!heapFromLimit) {
                problems.add(c.describe() + " does not set JAVA_TOOL_OPTIONS with -XX:MaxRAMPercentage");
            }
        }
        return problems;
    }

    /** Secrets committed to the repository carry placeholders only (usernames excepted). */
    static List<String> placeholderSecrets(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            if (!m.is("Secret")) {
                continue;
            }
            if (!Tree.map(m.doc(), "data").isEmpty()) {
                problems.add(m.describe() + " uses data:; use stringData with an obvious placeholder instead");
            }
            Tree.map(m.doc(), "stringData").forEach((key, value) -> {
                if (!key.equals("username") && !String.valueOf(value).contains("PLACEHOLDER")) {
                    problems.add(m.describe() + " " + key + " is not an obvious placeholder (must contain PLACEHOLDER)");
                }
            });
        }
        return problems;
    }
}
