package gov.envgov.k8s;

import java.util.Map;

/** One YAML document of a manifest file. */
record Manifest(String file, int index, Map<String, Object> doc) {

    String kind() {
        return Tree.string(doc, "kind");
    }

    String name() {
        return Tree.string(doc, "metadata", "name");
    }

    boolean is(String kind) {
        return kind.equals(kind());
    }

    String describe() {
        return file + " " + kind() + "/" + name();
    }
}
