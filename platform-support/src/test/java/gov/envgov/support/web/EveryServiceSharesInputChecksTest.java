package gov.envgov.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The input checks are switched on in {@code envgov-platform.yml}; each service gets them by depending on this module
 * and importing that file (ERR-CONTROL-CHARS, ERR-BODY-LIMIT for all four services).
 */
class EveryServiceSharesInputChecksTest {

    private static final List<String> SERVICES = List.of("permit-service", "complaint-service",
            "enforcement-service", "credit-service");

    @Test
    void theSharedFileSwitchesTheChecksOnAndEveryServiceImportsIt() throws IOException {
        Map<String, Object> shared = load(Path.of("src/main/resources/envgov-platform.yml"));
        assertThat(get(shared, "envgov", "web", "input", "enabled")).isEqualTo(true);
        assertThat(get(shared, "envgov", "web", "body-limit", "default-max")).isEqualTo("64KB");
        for (String service : SERVICES) {
            Path root = Path.of("..", service);
            assertThat(Files.readString(root.resolve("pom.xml"))).as(service)
                    .contains("<artifactId>platform-support</artifactId>");
            Map<String, Object> own = load(root.resolve("src/main/resources/application.yml"));
            assertThat(String.valueOf(get(own, "spring", "config", "import"))).as(service)
                    .contains("classpath:envgov-platform.yml");
            // A service may widen a path's limit, but does not switch the shared checks off.
            assertThat(get(own, "envgov", "web", "input", "enabled")).as(service).isNotEqualTo(false);
        }
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }
}
