package gov.envgov.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Jib configuration of every deployable (root pom's pluginManagement plus each module's entry) against the
 * manifests: ImageTest builds one image and looks inside; this test covers all seven without building them.
 */
class ImageConfigurationTest {

    static final Path ROOT = ManifestsTest.REPOSITORY;
    static final Pom ROOT_POM = Pom.read(ROOT.resolve("pom.xml"));

    static Pom pomOf(String module) {
        return Pom.read(ROOT.resolve(module).resolve("pom.xml"));
    }

    /** "uid:gid" as the pod runs the container (a container's securityContext wins over the pod's). */
    static String runAsUserAndGroup(Container c) {
        return setting(c, "runAsUser") + ":" + setting(c, "runAsGroup");
    }

    private static String setting(Container c, String name) {
        Object value = Tree.at(c.spec(), "securityContext", name);
        return String.valueOf(value != null ? value : Tree.at(c.podSpec(), "securityContext", name));
    }

    static String javaToolOptions(Container c) {
        return Tree.list(c.spec(), "env").stream().filter(e -> "JAVA_TOOL_OPTIONS".equals(Tree.string(e, "name")))
                .map(e -> Tree.string(e, "value")).findFirst().orElse(null);
    }

    static Set<String> containerPorts(Container c) {
        return Tree.list(c.spec(), "ports").stream()
                .map(p -> Tree.string(p, "containerPort") + "/" + String.valueOf(
                        Tree.string(p, "protocol") == null ? "TCP" : Tree.string(p, "protocol")).toLowerCase())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** JVM options that fix the heap and so would override the -XX:MaxRAMPercentage the manifests set. */
    static List<String> heapSettings(List<String> options) {
        return options.stream().filter(o -> o.startsWith("-Xmx") || o.startsWith("-Xms")
                || o.startsWith("-XX:MaxRAM") || o.startsWith("-XX:MaxHeapSize") || o.startsWith("-XX:InitialRAM")
                || o.startsWith("-XX:MinRAM")).toList();
    }

    static Map<String, Container> deployed() throws IOException {
        return Container.ours(ManifestsTest.manifests()).stream()
                .collect(Collectors.toMap(Container::service, c -> c, (a, b) -> a, TreeMap::new));
    }

    @Test
    @DisplayName("DEP-IMAGE-PER-DEPLOYABLE: exactly the deployables the manifests run have a Jib image")
    void exactlyTheDeployablesTheManifestsRunHaveAnImage() throws IOException {
        Set<String> withImage = ROOT_POM.texts("modules/module").stream()
                .filter(module -> pomOf(module).has(Pom.JIB)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withImage).isEqualTo(deployed().keySet()).isEqualTo(ManifestsTest.PLATFORM.keySet());
    }

    @Test
    @DisplayName("DEP-IMAGE-PER-DEPLOYABLE: the image name envgov/<module>:<version> is the one every manifest runs")
    void theImageNameIsTheOneEveryManifestRuns() throws IOException {
        assertThat(ROOT_POM.text(Pom.MANAGED_JIB + "/configuration/to/image"))
                .isEqualTo("${envgov.image.registry}envgov/${project.artifactId}:${envgov.image.version}");
        assertThat(ROOT_POM.property("envgov.image.registry")).isEmpty();
        String version = ROOT_POM.property("envgov.image.version");
        deployed().forEach((module, c) -> assertThat(c.image()).as(c.describe())
                .isEqualTo("envgov/" + module + ":" + version));
    }

    @Test
    @DisplayName("DEP-IMAGE-PER-DEPLOYABLE: the base image is a pinned Java 17 JRE, and no image builds by default")
    void theBaseIsAPinnedJreAndNoImageBuildsByDefault() {
        assertThat(ROOT_POM.property("envgov.image.base"))
                .matches("eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre-[a-z]+(@sha256:[0-9a-f]{64})?");
        assertThat(ROOT_POM.has(Pom.MANAGED_JIB + "/executions")).as("goals bound outside the images profile")
                .isFalse();
        for (String module : ManifestsTest.PLATFORM.keySet()) {
            assertThat(pomOf(module).has(Pom.JIB + "/executions")).as(module + " binds a Jib goal").isFalse();
        }
        assertThat(ROOT_POM.texts("profiles/profile[id='images']/build/pluginManagement/plugins"
                + "/plugin[artifactId='jib-maven-plugin']/executions/execution/goals/goal")).containsExactly("build");
    }

    @Test
    @DisplayName("DEP-IMAGE-PER-DEPLOYABLE: each image starts its module's application class")
    void eachImageStartsItsModulesApplicationClass() {
        for (String module : ManifestsTest.PLATFORM.keySet()) {
            String mainClass = pomOf(module).text(Pom.JIB + "/configuration/container/mainClass");
            assertThat(mainClass).as(module + " mainClass").isNotBlank();
            Path source = ROOT.resolve(module).resolve("src/main/java").resolve(mainClass.replace('.', '/') + ".java");
            assertThat(source).as(module + " main class source").isRegularFile();
            assertThat(source).content().contains("public static void main(String[] args)", "@SpringBootApplication");
        }
    }

    @Test
    @DisplayName("DEP-IMAGE-PORTS: each image exposes exactly the ports its manifest's container declares")
    void eachImageExposesItsManifestsPorts() throws IOException {
        deployed().forEach((module, c) -> {
            Set<String> exposed = pomOf(module).texts(Pom.JIB + "/configuration/container/ports/port").stream()
                    .map(p -> p.contains("/") ? p : p + "/tcp").collect(Collectors.toCollection(TreeSet::new));
            assertThat(exposed).as(module).isNotEmpty().isEqualTo(containerPorts(c));
        });
    }

    @Test
    @DisplayName("DEP-IMAGE-NON-ROOT: every image's user is the uid:gid its pod runs as, never root")
    void everyImagesUserIsTheUidItsPodRunsAs() throws IOException {
        assertThat(ROOT_POM.text(Pom.MANAGED_JIB + "/configuration/container/user")).isEqualTo("${envgov.image.user}");
        String user = ROOT_POM.property("envgov.image.user");
        assertThat(user).matches("[1-9]\\d*:[1-9]\\d*");
        deployed().forEach((module, c) -> assertThat(runAsUserAndGroup(c)).as(c.describe()).isEqualTo(user));
        for (String module : ManifestsTest.PLATFORM.keySet()) {
            assertThat(pomOf(module).has(Pom.JIB + "/configuration/container/user")).as(module + " overrides the user")
                    .isFalse();
        }
    }

    @Test
    @DisplayName("DEP-IMAGE-JVM-OPTIONS: images and manifests size the heap alike, and nothing fixes it")
    void imagesAndManifestsSizeTheHeapAlike() throws IOException {
        String container = Pom.MANAGED_JIB + "/configuration/container/";
        assertThat(ROOT_POM.text(container + "environment/JAVA_TOOL_OPTIONS"))
                .isEqualTo("${envgov.image.java-tool-options}");
        String options = ROOT_POM.property("envgov.image.java-tool-options");
        assertThat(options).contains("-XX:MaxRAMPercentage=");
        deployed().forEach((module, c) -> assertThat(javaToolOptions(c)).as(c.describe()).isEqualTo(options));
        List<String> flags = ROOT_POM.texts(container + "jvmFlags/jvmFlag");
        assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
        assertThat(heapSettings(flags)).isEmpty();
        for (String module : ManifestsTest.PLATFORM.keySet()) {
            assertThat(pomOf(module).has(Pom.JIB + "/configuration/container/jvmFlags")).as(module).isFalse();
            assertThat(pomOf(module).has(Pom.JIB + "/configuration/container/environment")).as(module).isFalse();
        }
    }

    @Test
    void heapSettingsFindsEveryWayToFixTheHeap() {
        assertThat(heapSettings(List.of("-Xmx512m", "-Xms1g", "-XX:MaxRAMPercentage=50", "-XX:MaxHeapSize=1g",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp"))).hasSize(4);
        assertThat(Files.exists(ROOT.resolve("pom.xml"))).isTrue();
    }
}
