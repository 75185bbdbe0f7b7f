package gov.envgov.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import gov.envgov.k8s.NetworkPolicies.Peer;

/**
 * DEP-NETPOL-REACHABILITY: who reaches which port of which pod under network-policies.yaml, for every pod of the
 * platform and for outsiders (a client on the internet, the ingress controller, the CloudNativePG operator, a pod of
 * another namespace wearing the platform's labels, an unlabelled pod in the envgov namespace).
 */
class NetworkPoliciesTest {

    static final String NAMESPACE = "envgov";
    static final Set<String> BUSINESS =
            Set.of("permit-service", "complaint-service", "enforcement-service", "credit-service");

    static final Peer INTERNET = Peer.outside("internet-client", "203.0.113.7");
    static final Peer INGRESS_CONTROLLER = Peer.pod("ingress-controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"), Map.of());
    static final Peer CNPG_OPERATOR = Peer.pod("cnpg-operator", "cnpg-system",
            Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    static final Peer DEBUG_POD = Peer.pod("unlabelled-pod-in-envgov", NAMESPACE, Map.of("run", "debug"), Map.of());

    /** The pods the manifests create: one per workload, and the CloudNativePG instances of the envgov-db Cluster. */
    static Map<String, Peer> platformPods(List<Manifest> manifests) {
        Map<String, Peer> pods = new TreeMap<>();
        for (Container c : Container.all(manifests)) {
            if (c.init() || pods.containsKey(c.owner().name())) {
                continue;
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Object container : Tree.list(c.podSpec(), "containers")) {
                for (Object p : Tree.list(container, "ports")) {
                    ports.put(Tree.string(p, "name"), ((Number) Tree.at(p, "containerPort")).intValue());
                }
            }
            pods.put(c.owner().name(), Peer.pod(c.owner().name(), NAMESPACE, strings(c.podLabels()), ports));
        }
        for (Manifest m : manifests) {
            if (m.is("Cluster")) {
                // The labels CloudNativePG puts on its instance pods (the Cluster's own labels are not inherited).
                pods.put(m.name(), Peer.pod(m.name(), NAMESPACE,
                        Map.of("cnpg.io/cluster", m.name(), "cnpg.io/podRole", "instance", "role", "primary"),
                        Map.of("postgresql", 5432, "status", 8000, "metrics", 9187)));
            }
        }
        return pods;
    }

    static Map<String, String> strings(Map<String, Object> labels) {
        Map<String, String> s = new TreeMap<>();
        labels.forEach((k, v) -> s.put(k, String.valueOf(v)));
        return s;
    }

    /** Every source: the platform's pods, the outsiders, and an impostor copying permit-service's labels. */
    static List<Peer> sources(Map<String, Peer> pods) {
        Peer permit = pods.get("permit-service");
        Peer impostor = Peer.pod("impostor-in-other-namespace", "default", permit.labels(), Map.of());
        return Stream.concat(pods.values().stream(), Stream.of(INTERNET, INGRESS_CONTROLLER, CNPG_OPERATOR, DEBUG_POD,
                impostor)).toList();
    }

    static Set<String> set(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** The rule: target "pod:port" (port number) -> the sources that reach it. */
    static Map<String, Set<String>> expected() {
        Map<String, Set<String>> rule = new LinkedHashMap<>();
        Set<String> platformServices = set(BUSINESS, "gateway", "portal");
        // The public entries, reached from outside only through the ingress controller: the gateway (api.*) and
        // Keycloak (auth.*: the login pages; the services' token and key calls come from inside). The portal is
        // public only through the gateway's routes.
        rule.put("gateway:8080", Set.of("ingress-controller"));
        rule.put("keycloak:8080", set(platformServices, "ingress-controller"));
        rule.put("portal:8085", Set.of("gateway"));
        // The registry: registrations and look-ups only from the platform's own services (and its peers).
        rule.put("registry:8761", set(platformServices, "registry"));
        // Business services, with their /internal/events feeds on the same port: the platform's own services only.
        for (String service : BUSINESS) {
            int port = Map.of("permit-service", 8081, "complaint-service", 8082, "enforcement-service", 8083,
                    "credit-service", 8084).get(service);
            rule.put(service + ":" + port, platformServices);
        }
        rule.put("keycloak:9000", Set.of());
        rule.put("keycloak:7800", Set.of("keycloak"));
        rule.put("keycloak:57800", Set.of("keycloak"));
        rule.put("redis:6379", Set.of("portal", "gateway"));
        rule.put("envgov-db:5432", set(BUSINESS, "keycloak", "envgov-db"));
        rule.put("envgov-db:8000", Set.of("cnpg-operator", "envgov-db"));
        rule.put("envgov-db:9187", Set.of("envgov-db"));
        return rule;
    }

    static Set<String> reaching(NetworkPolicies policies, List<Peer> sources, Peer target, int port) {
        return sources.stream().filter(s -> policies.admits(s, target, port)).map(Peer::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @TestFactory
    Stream<DynamicTest> eachPortIsReachedExactlyByWhomTheRuleNames() throws IOException {
        List<Manifest> manifests = ManifestsTest.manifests();
        NetworkPolicies policies = new NetworkPolicies(manifests, NAMESPACE);
        Map<String, Peer> pods = platformPods(manifests);
        List<Peer> sources = sources(pods);
        Set<String> all = sources.stream().map(Peer::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(all).hasSize(pods.size() + 5);
        return expected().entrySet().stream().map(e -> dynamicTest("DEP-NETPOL-REACHABILITY: " + e.getKey(), () -> {
            String[] target = e.getKey().split(":");
            assertThat(pods).as("pods of the manifests").containsKey(target[0]);
            assertThat(reaching(policies, sources, pods.get(target[0]), Integer.parseInt(target[1])))
                    .as("sources reaching " + e.getKey()).isEqualTo(e.getValue());
        }));
    }

    @Test
    @DisplayName("DEP-NETPOL-REACHABILITY: every port of every platform pod is in the rule")
    void everyPortOfEveryPlatformPodIsInTheRule() throws IOException {
        Set<String> ports = new TreeSet<>();
        platformPods(ManifestsTest.manifests()).forEach((name, pod) ->
                pod.namedPorts().values().forEach(port -> ports.add(name + ":" + port)));
        assertThat(ports).isEqualTo(new TreeSet<>(expected().keySet()));
    }

    @Test
    @DisplayName("DEP-NETPOL-REACHABILITY: from outside only the ingress controller reaches the gateway and Keycloak")
    void fromOutsideOnlyTheIngressControllerReachesTheGatewayAndKeycloak() throws IOException {
        List<Manifest> manifests = ManifestsTest.manifests();
        NetworkPolicies policies = new NetworkPolicies(manifests, NAMESPACE);
        Map<String, Peer> pods = platformPods(manifests);
        Peer impostor = Peer.pod("impostor", "default", pods.get("gateway").labels(), Map.of());
        Map<Peer, Set<String>> allowed = Map.of(INGRESS_CONTROLLER, Set.of("gateway:http", "keycloak:http"),
                CNPG_OPERATOR, Set.of("envgov-db:status"), INTERNET, Set.of(), DEBUG_POD, Set.of(), impostor, Set.of());
        allowed.forEach((outsider, expected) -> {
            Set<String> reached = new TreeSet<>();
            pods.forEach((name, pod) -> pod.namedPorts().forEach((portName, port) -> {
                if (policies.admits(outsider, pod, port)) {
                    reached.add(name + ":" + portName);
                }
            }));
            assertThat(reached).as(outsider.name()).isEqualTo(expected);
        });
    }

    // The evaluator itself: each of these would pass with a permissive or an all-denying evaluator only by accident.

    static final String POD_LABELS = "{app.kubernetes.io/name: registry, app.kubernetes.io/part-of: envgov}";

    static NetworkPolicies policies(String yaml) {
        return new NetworkPolicies(Manifests.parse("test.yaml", yaml), NAMESPACE);
    }

    static final Peer REGISTRY = Peer.pod("registry", NAMESPACE,
            Map.of("app.kubernetes.io/name", "registry", "app.kubernetes.io/part-of", "envgov"), Map.of("http", 8761));
    static final Peer GATEWAY = Peer.pod("gateway", NAMESPACE,
            Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/component", "gateway"), Map.of());

    @Test
    void aPodThatNoPolicySelectsTakesEverything() {
        NetworkPolicies none = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: other}
                spec: {podSelector: {matchLabels: {app.kubernetes.io/name: redis}}, policyTypes: [Ingress]}
                """);
        assertThat(none.admits(INTERNET, REGISTRY, 8761)).isTrue();
        assertThat(none.admits(DEBUG_POD, REGISTRY, 12345)).isTrue();
    }

    @Test
    void aDefaultDenyStopsEverythingAndRulesAddUp() {
        String deny = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """;
        assertThat(policies(deny).admits(GATEWAY, REGISTRY, 8761)).isFalse();
        NetworkPolicies opened = policies(deny + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: registry}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: registry}}
                  ingress:
                    - from:
                        - podSelector:
                            matchExpressions:
                              - {key: app.kubernetes.io/component, operator: In, values: [gateway]}
                      ports: [{port: http}]
                """);
        assertThat(opened.admits(GATEWAY, REGISTRY, 8761)).isTrue();
        assertThat(opened.admits(GATEWAY, REGISTRY, 8762)).as("another port").isFalse();
        assertThat(opened.admits(DEBUG_POD, REGISTRY, 8761)).as("a pod without the label").isFalse();
        assertThat(opened.admits(Peer.pod("gateway-elsewhere", "default", GATEWAY.labels(), Map.of()), REGISTRY, 8761))
                .as("the same labels in another namespace").isFalse();
        assertThat(opened.admits(INTERNET, REGISTRY, 8761)).isFalse();
    }

    @Test
    void aRuleWithoutFromOrWithAnEmptyNamespaceSelectorOpensToOthers() {
        String head = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: registry}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: registry}}
                  ingress:
                """;
        NetworkPolicies noFrom = policies(head + "    - ports: [{port: 8761}]\n");
        assertThat(noFrom.admits(INTERNET, REGISTRY, 8761)).isTrue();
        NetworkPolicies anyNamespace = policies(head + "    - from: [{namespaceSelector: {}}]\n");
        assertThat(anyNamespace.admits(CNPG_OPERATOR, REGISTRY, 8761)).isTrue();
        assertThat(anyNamespace.admits(INTERNET, REGISTRY, 8761)).as("not a pod").isFalse();
        NetworkPolicies block =
                policies(head + "    - from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.7/32]}}]\n");
        assertThat(block.admits(INTERNET, REGISTRY, 8761)).as("excepted").isFalse();
        assertThat(block.admits(Peer.outside("neighbour", "203.0.113.8"), REGISTRY, 8761)).isTrue();
        NetworkPolicies range = policies(head + "    - ports: [{port: 8000, endPort: 8800}]\n");
        assertThat(range.admits(INTERNET, REGISTRY, 8761)).isTrue();
        assertThat(range.admits(INTERNET, REGISTRY, 8801)).isFalse();
    }

    @Test
    void selectorOperatorsFollowKubernetes() {
        Map<String, String> labels = Map.of("tier", "business", "app", "x");
        assertThat(Labels.select(Map.of(), labels)).isTrue();
        assertThat(Labels.select(Manifests.parse("s", "matchExpressions: [{key: tier, operator: NotIn, values: [db]}]")
                .get(0).doc(), labels)).isTrue();
        assertThat(Labels.select(Manifests.parse("s", "matchExpressions: [{key: tier, operator: DoesNotExist}]")
                .get(0).doc(), labels)).isFalse();
        assertThat(Labels.select(Manifests.parse("s", "matchExpressions: [{key: zone, operator: Exists}]")
                .get(0).doc(), labels)).isFalse();
        assertThat(Labels.select(Manifests.parse("s", "matchLabels: {app: x, tier: business}").get(0).doc(), labels))
                .isTrue();
        assertThat(Labels.select(Manifests.parse("s", "matchLabels: {app: y}").get(0).doc(), labels)).isFalse();
    }
}
