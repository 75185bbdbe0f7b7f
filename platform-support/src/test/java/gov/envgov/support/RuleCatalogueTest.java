package gov.envgov.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code docs/rules.md} against the code: every rule is implemented where it says, configured, and tested. */
class RuleCatalogueTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ENTRY = Pattern.compile("(?m)^### ([A-Z][A-Z0-9-]+)\\s*$");
    private static final Pattern KEY = Pattern.compile("`(envgov\\.[a-z0-9.-]+)`");
    private static final Pattern IMPLEMENTED = Pattern.compile("- Implemented in: `([^`]+)`");

    @Test
    void everyRuleIsImplementedWhereItSaysConfiguredAndNamedByATest() throws IOException {
        Map<String, String> entries = entries(Files.readString(ROOT.resolve("docs/rules.md")));
        assertThat(entries).isNotEmpty();
        String tests = allTestSources();
        Set<String> keys = configurationKeys();
        List<String> problems = new ArrayList<>();
        entries.forEach((id, text) -> {
            if (!tests.contains(id) && !tests.toLowerCase(Locale.ROOT).contains(camel(id).toLowerCase(Locale.ROOT))) {
                problems.add(id + ": no test names it (" + id + " or " + camel(id) + ")");
            }
            Matcher implemented = IMPLEMENTED.matcher(text);
            if (!implemented.find() || !Files.exists(ROOT.resolve(implemented.group(1)))) {
                problems.add(id + ": the file it is implemented in does not exist");
            }
            Matcher key = KEY.matcher(text);
            while (key.find()) {
                if (keys.stream().noneMatch(known -> known.equals(key.group(1))
                        || known.startsWith(key.group(1) + "."))) {
                    problems.add(id + ": no service configures " + key.group(1));
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void idsAreUnique() throws IOException {
        Matcher ids = ENTRY.matcher(Files.readString(ROOT.resolve("docs/rules.md")));
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as(ids.group(1)).isTrue();
        }
    }

    /** ENF-DRAW-RATE becomes enfDrawRate, the way test methods name a rule. */
    static String camel(String id) {
        String[] parts = id.toLowerCase(Locale.ROOT).split("-");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }

    private static Map<String, String> entries(String catalogue) {
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher heading = ENTRY.matcher(catalogue);
        List<int[]> spans = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (heading.find()) {
            ids.add(heading.group(1));
            spans.add(new int[] {heading.end()});
        }
        for (int i = 0; i < ids.size(); i++) {
            int end = i + 1 < spans.size() ? catalogue.lastIndexOf("###", spans.get(i + 1)[0]) : catalogue.length();
            entries.put(ids.get(i), catalogue.substring(spans.get(i)[0], end));
        }
        return entries;
    }

    private static String allTestSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")
                    && path.toString().contains("/src/test/") && !path.toString().contains("/target/")
                    && !path.toString().contains("/.git/")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    /** Every key of every service's application.yml and of the shared envgov-platform.yml, dotted. */
    private static Set<String> configurationKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(ROOT, 6)) {
            for (Path file : files.filter(path -> path.toString().contains("/src/main/resources/")
                    && (path.getFileName().toString().equals("application.yml")
                    || path.getFileName().toString().equals("envgov-platform.yml"))).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    flatten("", new Yaml().load(reader), keys);
                }
            }
        }
        // Build settings (the images' version, base, user) are Maven properties of the root pom.
        Matcher property = Pattern.compile("<(envgov\\.[a-z0-9.-]+)>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (property.find()) {
            keys.add(property.group(1));
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : ((Map<Object, Object>) map).entrySet()) {
                String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
                keys.add(key);
                flatten(key, entry.getValue(), keys);
            }
        }
    }
}
