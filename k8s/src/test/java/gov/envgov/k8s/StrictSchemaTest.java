package gov.envgov.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DEP-MANIFEST-STRICT-SCHEMA: the manifests against the Kubernetes API types, and what the check rejects. */
class StrictSchemaTest {

    static List<String> problemsOf(String original, String replacement) {
        return StrictSchema.check(ManifestChecksTest.broken(original, replacement));
    }

    @Test
    @DisplayName("DEP-MANIFEST-STRICT-SCHEMA: every manifest matches its Kubernetes API type exactly")
    void everyManifestMatchesItsKubernetesApiTypeExactly() throws IOException {
        List<Manifest> manifests = ManifestsTest.manifests();
        assertThat(manifests).as("manifests").hasSizeGreaterThan(40);
        assertThat(StrictSchema.check(manifests)).isEmpty();
    }

    @Test
    void theGoodExampleMatchesItsTypes() {
        assertThat(StrictSchema.check(ManifestChecksTest.parse(ManifestChecksTest.GOOD))).isEmpty();
    }

    @Test
    @DisplayName("DEP-MANIFEST-STRICT-SCHEMA: an unknown field fails, named with its path")
    void anUnknownFieldFailsNamedWithItsPath() {
        assertThat(problemsOf("  replicas: 2", "  replica: 2"))
                .containsExactly("test.yaml Deployment/demo-service: unknown field spec.replica"
                        + " (not in apps/v1/Deployment)");
        assertThat(problemsOf("readinessProbe: {httpGet:", "readinessprobe: {httpGet:"))
                .singleElement().asString().contains("unknown field spec.template.spec.containers[0].readinessprobe");
        assertThat(problemsOf("minAvailable: 1", "minAvailable: 1\n  maxAvailable: 3"))
                .singleElement().asString()
                .contains("unknown field spec.maxAvailable (not in policy/v1/PodDisruptionBudget)");
        assertThat(problemsOf("metadata: {name: demo-config}", "metadata: {name: demo-config, lables: {a: b}}"))
                .singleElement().asString().contains("unknown field metadata.lables");
    }

    @Test
    @DisplayName("DEP-MANIFEST-STRICT-SCHEMA: a value of the wrong type fails instead of being coerced")
    void aValueOfTheWrongTypeFails() {
        assertThat(problemsOf("containerPort: 8081", "containerPort: \"8081\""))
                .singleElement().asString().contains("does not match the type apps/v1/Deployment");
        assertThat(problemsOf("securityContext: {runAsNonRoot: true}", "securityContext: {runAsNonRoot: \"true\"}"))
                .singleElement().asString().contains("does not match the type");
        assertThat(problemsOf("labels: {app: demo-service, tier: business}", "labels: {app: demo-service, tier: 1}"))
                .singleElement().asString().contains("does not match the type");
        assertThat(problemsOf("ports: [{name: http, containerPort: 8081}]", "ports: {name: http, containerPort: 8081}"))
                .singleElement().asString().contains("does not match the type");
    }

    @Test
    @DisplayName("DEP-MANIFEST-STRICT-SCHEMA: a kind or apiVersion without a type fails")
    void aKindOrApiVersionWithoutATypeFails() {
        assertThat(problemsOf("apiVersion: policy/v1", "apiVersion: policy/v1beta1"))
                .singleElement().asString().contains("policy/v1beta1/PodDisruptionBudget is not a kind");
        assertThat(StrictSchema.check(ManifestChecksTest.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db, annotation: {a: b}}
                spec: {instances: 3}
                """))).singleElement().asString().contains("unknown field metadata.annotation");
    }
}
