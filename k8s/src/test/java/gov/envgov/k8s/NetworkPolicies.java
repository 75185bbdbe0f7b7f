package gov.envgov.k8s;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, by the semantics of networking.k8s.io/v1 NetworkPolicy, whether a connection is admitted: a pod that no
 * policy with policyType Ingress selects takes everything; a selected pod takes only what one of the ingress
 * rules of the policies selecting it allows (rules add up, none subtracts). A rule without {@code from} admits
 * every source, one without {@code ports} every port. A peer with only a podSelector means pods of the policy's
 * own namespace; a namespaceSelector, pods of the namespaces it selects; an ipBlock, the addresses in its CIDR
 * (here: clients outside the cluster, which is how the CNIs apply it to traffic from outside). Egress is not
 * restricted by these manifests and is not modelled.
 */
final class NetworkPolicies {

    private final List<Manifest> policies;
    private final String namespace;

    /** @param namespace the namespace kustomize puts the policies into */
    NetworkPolicies(List<Manifest> manifests, String namespace) {
        this.policies = manifests.stream().filter(m -> m.is("NetworkPolicy")).toList();
        this.namespace = namespace;
    }

    /** A pod (namespace set) or a client outside the cluster (namespace null, address set). */
    record Peer(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
            Map<String, Integer> namedPorts, String address) {

        static Peer pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
            Map<String, String> namespaceLabels = Map.of("kubernetes.io/metadata.name", namespace);
            return new Peer(name, namespace, namespaceLabels, labels, namedPorts, null);
        }

        static Peer outside(String name, String address) {
            return new Peer(name, null, Map.of(), Map.of(), Map.of(), address);
        }

        boolean isPod() {
            return namespace != null;
        }
    }

    /** Whether {@code from} may open a TCP connection to {@code port} of the pod {@code to}. */
    boolean admits(Peer from, Peer to, int port) {
        List<Manifest> selecting = policies.stream()
                .filter(p -> namespace.equals(to.namespace()))
                .filter(p -> Labels.select(Tree.map(p.doc(), "spec", "podSelector"), to.labels()))
                .filter(NetworkPolicies::restrictsIngress)
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Manifest policy : selecting) {
            for (Object rule : Tree.list(policy.doc(), "spec", "ingress")) {
                if (portMatches(Tree.list(rule, "ports"), to, port) && sourceMatches(Tree.list(rule, "from"), from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean restrictsIngress(Manifest policy) {
        List<Object> types = Tree.list(policy.doc(), "spec", "policyTypes");
        return types.isEmpty() || types.contains("Ingress");
    }

    private static boolean portMatches(List<Object> ports, Peer to, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (Object p : ports) {
            if (!"TCP".equals(Objects.requireNonNullElse(Tree.string(p, "protocol"), "TCP"))) {
                continue;
            }
            Object value = Tree.at(p, "port");
            Object endPort = Tree.at(p, "endPort");
            if (value == null) {
                return true;
            }
            if (value instanceof Number n && (n.intValue() == port
                    || (endPort instanceof Number end && n.intValue() <= port && port <= end.intValue()))) {
                return true;
            }
            if (value instanceof String name && Integer.valueOf(port).equals(to.namedPorts().get(name))) {
                return true;
            }
        }
        return false;
    }

    private boolean sourceMatches(List<Object> peers, Peer from) {
        if (peers.isEmpty()) {
            return true;
        }
        for (Object peer : peers) {
            if (Tree.at(peer, "ipBlock") != null) {
                if (from.address() != null && inBlock(from.address(), Tree.map(peer, "ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (!from.isPod()) {
                continue;
            }
            Object namespaceSelector = Tree.at(peer, "namespaceSelector");
            boolean namespaceMatches = namespaceSelector == null
                    ? namespace.equals(from.namespace())
                    : Labels.select(Tree.map(peer, "namespaceSelector"), from.namespaceLabels());
            Object podSelector = Tree.at(peer, "podSelector");
            boolean podMatches = podSelector == null || Labels.select(Tree.map(peer, "podSelector"), from.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean inBlock(String address, Map<String, Object> block) {
        if (!inCidr(address, Tree.string(block, "cidr"))) {
            return false;
        }
        return Tree.list(block, "except").stream().noneMatch(e -> inCidr(address, String.valueOf(e)));
    }

    static boolean inCidr(String address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] a = InetAddress.getByName(address).getAddress();
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            if (a.length != net.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : a.length * 8;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (net[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address or CIDR: " + address + " / " + cidr, e);
        }
    }
}
