package gov.envgov.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container of a workload (Deployment, StatefulSet, DaemonSet, Job, CronJob) together with its pod. */
record Container(Manifest owner, Map<String, Object> podSpec, Map<String, Object> podLabels, Map<String, Object> spec,
        boolean init) {

    static final String OUR_IMAGE_PREFIX = "envgov/";

    static List<Container> all(List<Manifest> manifests) {
        List<Container> containers = new ArrayList<>();
        for (Manifest m : manifests) {
            Map<String, Object> template = switch (String.valueOf(m.kind())) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> Tree.map(m.doc(), "spec", "template");
                case "CronJob" -> Tree.map(m.doc(), "spec", "jobTemplate", "spec", "template");
                default -> null;
            };
            if (template == null) {
                continue;
            }
            Map<String, Object> podSpec = Tree.map(template, "spec");
            Map<String, Object> labels = Tree.map(template, "metadata", "labels");
            for (Object c : Tree.list(podSpec, "initContainers")) {
                containers.add(new Container(m, podSpec, labels, Tree.map(c), true));
            }
            for (Object c : Tree.list(podSpec, "containers")) {
                containers.add(new Container(m, podSpec, labels, Tree.map(c), false));
            }
        }
        return containers;
    }

    /** The main containers running one of the platform's own images (envgov/...). */
    static List<Container> ours(List<Manifest> manifests) {
        return all(manifests).stream().filter(c -> !c.init() && c.ours()).toList();
    }

    String name() {
        return Tree.string(spec, "name");
    }

    String image() {
        return Tree.string(spec, "image");
    }

    boolean ours() {
        return image() != null && image().startsWith(OUR_IMAGE_PREFIX);
    }

    /** The service (= Maven module) an envgov/NAME:TAG image is built from. */
    String service() {
        String rest = image().substring(OUR_IMAGE_PREFIX.length());
        int tag = rest.indexOf(':');
        int digest = rest.indexOf('@');
        int end = tag >= 0 ? tag : digest >= 0 ? digest : rest.length();
        return rest.substring(0, end);
    }

    String describe() {
        return owner.describe() + " container " + name();
    }

    /** Whether a probe's or Service's port (number or name) is one this container declares. */
    boolean declaresPort(Object port) {
        for (Object p : Tree.list(spec, "ports")) {
            if (port instanceof Number n && n.intValue() == intOf(Tree.at(p, "containerPort"))) {
                return true;
            }
            if (port instanceof String s && s.equals(Tree.string(p, "name"))) {
                return true;
            }
        }
        return false;
    }

    private static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : -1;
    }
}
