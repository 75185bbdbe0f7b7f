package gov.envgov.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Builds the registry's image tarball with the project's real Jib configuration (jib:buildTar, on a local base
 * image) and checks the image against what k8s/manifests/registry.yaml expects of it. The registry is the smallest
 * deployable; the other six share the root pom's configuration and differ only in what ImageConfigurationTest
 * checks (main class, port).
 */
class ImageTest {

    static final String MODULE = "registry";
    static final Path WORK = Path.of("target", "image-test");

    static OciImage image;
    static Container container;

    @BeforeAll
    static void buildTheRegistryImage() throws IOException, InterruptedException {
        container = Container.ours(ManifestsTest.manifests()).stream().filter(c -> c.service().equals(MODULE))
                .findFirst().orElseThrow();
        image = OciImage.read(ImageBuild.buildTar(MODULE, WORK));
    }

    @Test
    @DisplayName("DEP-IMAGE-PER-DEPLOYABLE: the image is named and tagged as the manifest runs it, in OCI format")
    void theImageIsNamedAsTheManifestRunsIt() {
        assertThat(image.reference()).isEqualTo(container.image()).isEqualTo("envgov/registry:0.1.0");
        assertThat(image.manifest().path("mediaType").asString())
                .isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(image.label("org.opencontainers.image.title")).isEqualTo(MODULE);
        assertThat(image.label("org.opencontainers.image.version")).isEqualTo("0.1.0");
        assertThat(image.smallLayerFiles())
                .contains("app/classes/gov/envgov/registry/RegistryApplication.class", "app/jib-classpath-file")
                .contains("etc/envgov-test-base");
    }

    @Test
    @DisplayName("DEP-IMAGE-NON-ROOT: the image runs as the manifest's non-root user and group")
    void theImageRunsAsTheManifestsNonRootUser() {
        assertThat(image.user()).isEqualTo(ImageConfigurationTest.runAsUserAndGroup(container))
                .isEqualTo("10001:10001");
        assertThat(image.user().split(":")[0]).isNotIn("0", "root");
    }

    @Test
    @DisplayName("DEP-IMAGE-JVM-OPTIONS: java with the manifest's JAVA_TOOL_OPTIONS, exit on OOM, /tmp, no fixed heap")
    void theEntrypointRunsJavaWithTheOptionsTheManifestExpects() {
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).last().isEqualTo("gov.envgov.registry.RegistryApplication");
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
        assertThat(ImageConfigurationTest.heapSettings(entrypoint)).as("heap settings that would override the limit")
                .isEmpty();
        assertThat(image.environment())
                .contains("JAVA_TOOL_OPTIONS=" + ImageConfigurationTest.javaToolOptions(container));
        assertThat(ManifestChecks.security(List.of(container.owner()))).as("/tmp is an emptyDir in the pod").isEmpty();
    }

    @Test
    @DisplayName("DEP-IMAGE-PORTS: the image exposes exactly the ports the manifest's container declares")
    void theImageExposesTheManifestsPorts() {
        assertThat(image.exposedPorts()).isEqualTo(ImageConfigurationTest.containerPorts(container))
                .isEqualTo(Set.of("8761/tcp"));
    }
}
