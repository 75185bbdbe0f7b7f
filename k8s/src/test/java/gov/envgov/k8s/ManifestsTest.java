package gov.envgov.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the Kubernetes manifests in manifests/ against each other and against the services' configuration.
 * Surefire runs with the k8s module directory as working directory, so the manifests are in manifests/ and the
 * other modules in ../.
 */
class ManifestsTest {

    static final Path MANIFESTS = Path.of("manifests");
    static final Path REPOSITORY = Path.of("..");

    /** The platform's services: the workload kind each runs as (the workload is named like the service). */
    static final Map<String, String> PLATFORM = Map.of(
            "registry", "StatefulSet",
            "gateway", "Deployment",
            "portal", "Deployment",
            "permit-service", "Deployment",
            "complaint-service", "Deployment",
            "enforcement-service", "Deployment",
            "credit-service", "Deployment");

    /** ConfigMaps created with kubectl rather than kustomize (see README.md): keycloak-realm holds the realm JSON. */
    static final Set<String> CREATED_OUTSIDE_KUSTOMIZE = Set.of("keycloak-realm");

    @BeforeAll
    static void manifestFolderIsThere() {
        assertThat(MANIFESTS).as("run from the k8s module directory (mvn -pl k8s test)").isDirectory();
    }

    static List<Manifest> manifests() throws IOException {
        return Manifests.load(MANIFESTS);
    }

    @Test
    void everyManifestFileParsesAsYaml() throws IOException {
        List<Path> files = Manifests.yamlFiles(MANIFESTS);
        assertThat(files).as("manifest files").isNotEmpty();
        for (Path file : files) {
            assertThatCode(() -> Manifests.parse(file.getFileName().toString(), Files.readString(file)))
                    .as(file.toString()).doesNotThrowAnyException();
        }
        assertThat(manifests()).allSatisfy(m -> {
            assertThat(m.kind()).as(m.file() + " document " + m.index() + " kind").isNotBlank();
            assertThat(Tree.string(m.doc(), "apiVersion")).as(m.file() + " document " + m.index() + " apiVersion").isNotBlank();
        });
    }

    @Test
    void everyServiceOfThePlatformRunsFromItsOwnImage() throws IOException {
        Map<String, String> deployed = new TreeMap<>();
        for (Container c : Container.ours(manifests())) {
            assertThat(c.owner().name()).as(c.describe() + " is named after its image " + c.image()).isEqualTo(c.service());
            deployed.put(c.service(), c.owner().kind());
        }
        assertThat(deployed).isEqualTo(new TreeMap<>(PLATFORM));
    }

    @Test
    void everyDeploymentAndStatefulSetOfOursHasLivenessAndReadinessProbes() throws IOException {
        assertThat(ManifestChecks.probes(manifests())).isEmpty();
    }

    @Test
    void everyDeploymentAndStatefulSetOfOursRequestsAndLimitsCpuAndMemory() throws IOException {
        assertThat(ManifestChecks.resources(manifests())).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyEnvironmentVariableIsOneTheServiceReads() throws IOException {
        ServiceSources sources = new ServiceSources(REPOSITORY);
        List<Container> ours = Container.ours(manifests());
        assertThat(ours).isNotEmpty();
        return ours.stream().map(c -> dynamicTest(c.service() + " sets only environment variables it reads", () -> {
            Set<String> read = sources.environmentVariablesReadBy(c.service());
            assertThat(ManifestChecks.environmentVariables(c, read)).isEmpty();
        }));
    }

    @Test
    void everyDeploymentHasAMatchingServicePodDisruptionBudgetAndAutoscaler() throws IOException {
        assertThat(ManifestChecks.companions(manifests())).isEmpty();
    }

    @Test
    void kustomizationListsEveryManifestFileAndNoMissingOne() throws IOException {
        assertThat(ManifestChecks.kustomization(MANIFESTS)).isEmpty();
    }

    @Test
    void kustomizationPutsEverythingIntoTheEnvgovNamespace() throws IOException {
        Manifest kustomization = manifests().stream().filter(m -> m.is("Kustomization")).findFirst().orElseThrow();
        assertThat(Tree.string(kustomization.doc(), "namespace")).isEqualTo("envgov");
        assertThat(manifests()).filteredOn(m -> m.is("Namespace")).extracting(Manifest::name).containsExactly("envgov");
        assertThat(manifests()).filteredOn(m -> Tree.has(m.doc(), "metadata", "namespace"))
                .as("resources that set a namespace of their own instead of kustomize's").isEmpty();
    }

    @Test
    void everySecretAndConfigMapReferencePointsAtAnExistingKey() throws IOException {
        assertThat(ManifestChecks.references(manifests(), CREATED_OUTSIDE_KUSTOMIZE)).isEmpty();
    }

    @Test
    void environmentValuesAndConfigMapDataAreStrings() throws IOException {
        assertThat(ManifestChecks.stringValues(manifests())).isEmpty();
    }

    @Test
    void everyServiceContainerRunsAsNonRootOnAReadOnlyRootFilesystem() throws IOException {
        assertThat(ManifestChecks.security(manifests())).isEmpty();
    }

    @Test
    void committedSecretsHoldOnlyObviousPlaceholders() throws IOException {
        assertThat(ManifestChecks.placeholderSecrets(manifests())).isEmpty();
    }

    @Test
    void everyBusinessServiceAndTheGatewayIsGuardedByANetworkPolicy() throws IOException {
        List<Manifest> policies = manifests().stream().filter(m -> m.is("NetworkPolicy")).toList();
        assertThat(policies).as("a default deny for the namespace")
                .anySatisfy(p -> assertThat(Tree.map(p.doc(), "spec", "podSelector")).isEmpty());
        Map<String, Long> policiesPerService = Container.ours(manifests()).stream()
                .collect(Collectors.toMap(Container::service, c -> policies.stream()
                        .filter(p -> Tree.selects(Tree.map(p.doc(), "spec", "podSelector", "matchLabels"), c.podLabels()))
                        .count()));
        assertThat(policiesPerService).as("NetworkPolicies selecting each service's pods").allSatisfy((service, count) ->
                assertThat(count).as(service).isOne());
    }
}
