package gov.envgov.k8s;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An OCI image layout tarball as jib:buildTar writes it: index.json, the manifest, the config and the layers. */
record OciImage(String reference, JsonNode manifest, JsonNode config, Set<String> smallLayerFiles) {

    static final long SMALL = 4L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static OciImage read(Path tarball) throws IOException {
        Map<String, byte[]> entries = ImageBuild.entries(tarball, SMALL);
        JsonNode index = json(entries, "index.json");
        if (index.path("manifests").size() != 1) {
            throw new AssertionError(tarball + " should hold exactly one image, index.json is " + index);
        }
        JsonNode entry = index.path("manifests").get(0);
        JsonNode manifest = json(entries, blob(entry.path("digest").asString()));
        JsonNode config = json(entries, blob(manifest.path("config").path("digest").asString()));
        Set<String> files = new TreeSet<>();
        for (JsonNode layer : manifest.path("layers")) {
            byte[] content = entries.get(blob(layer.path("digest").asString()));
            if (content != null && content.length > 0) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                    files.addAll(Tar.read(in, SMALL).keySet());
                }
            }
        }
        String reference = entry.path("annotations").path("org.opencontainers.image.ref.name").asString();
        return new OciImage(reference, manifest, config, files);
    }

    private static String blob(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static JsonNode json(Map<String, byte[]> entries, String name) {
        byte[] content = entries.get(name);
        if (content == null) {
            throw new AssertionError("the image tarball has no " + name + " (entries: " + entries.keySet() + ")");
        }
        try {
            return JSON.readTree(content);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(name + " is not JSON", e));
        }
    }

    String user() {
        return config.path("config").path("User").asString();
    }

    List<String> entrypoint() {
        List<String> words = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(w -> words.add(w.asString()));
        return words;
    }

    List<String> environment() {
        List<String> env = new ArrayList<>();
        config.path("config").path("Env").forEach(e -> env.add(e.asString()));
        return env;
    }

    Set<String> exposedPorts() {
        return new TreeSet<>(config.path("config").path("ExposedPorts").propertyNames());
    }

    String label(String name) {
        return config.path("config").path("Labels").path(name).asString();
    }
}
