package gov.envgov.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the (multi-document) YAML files of a manifest folder. */
final class Manifests {

    private Manifests() {
    }

    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    /** Every document of every YAML file in the folder; fails with the file's name on a parse error. */
    static List<Manifest> load(Path dir) throws IOException {
        List<Manifest> all = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            all.addAll(parse(file.getFileName().toString(), Files.readString(file)));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<Manifest> parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Manifest> documents = new ArrayList<>();
        int index = 0;
        try {
            for (Object document : yaml.loadAll(text)) {
                index++;
                if (document == null) {
                    continue; // an empty document, e.g. after a trailing ---
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new ManifestException(file + ": document " + index + " is not a mapping but " + document);
                }
                documents.add(new Manifest(file, index, (Map<String, Object>) map));
            }
        } catch (YAMLException e) {
            throw new ManifestException(file + ": document " + (index + 1) + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static final class ManifestException extends RuntimeException {
        ManifestException(String message) {
            super(message);
        }

        ManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
