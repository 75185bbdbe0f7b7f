package gov.envgov.k8s;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the environment variables a Spring configuration file reads: every {@code ${NAME}} or
 * {@code ${NAME:default}} placeholder whose name is UPPER_CASE (lower-case names such as
 * {@code ${spring.application.name}} are properties, not environment variables). Nested placeholders in defaults
 * are found too. Whole-line YAML comments are ignored.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

    private Placeholders() {
    }

    static Set<String> environmentVariables(String yamlText) {
        Set<String> names = new TreeSet<>();
        for (String line : yamlText.split("\\R")) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
