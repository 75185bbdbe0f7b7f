package gov.envgov.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shows that each check of ManifestsTest reports the thing it checks when it is broken. */
class ManifestChecksTest {

    /** A Deployment that passes every check, with its Service, HPA, PDB, ConfigMap and Secret. */
    static final String GOOD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo-service
            spec:
              replicas: 2
              selector:
                matchLabels: {app: demo-service}
              template:
                metadata:
                  labels: {app: demo-service, tier: business}
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                    - name: demo-service
                      image: envgov/demo-service:0.1.0
                      ports: [{name: http, containerPort: 8081}]
                      env:
                        - {name: SERVER_PORT, value: "8081"}
                        - {name: JAVA_TOOL_OPTIONS, value: "-XX:MaxRAMPercentage=75"}
                        - name: DB_HOST
                          valueFrom: {configMapKeyRef: {name: demo-config, key: db-host}}
                        - name: DB_PASSWORD
                          valueFrom: {secretKeyRef: {name: demo-secret, key: password}}
                      resources:
                        requests: {cpu: 250m, memory: 384Mi}
                        limits: {cpu: "1", memory: 768Mi}
                      livenessProbe: {httpGet: {path: /actuator/health/liveness, port: http}}
                      readinessProbe: {httpGet: {path: /actuator/health/readiness, port: 8081}}
                      securityContext: {readOnlyRootFilesystem: true}
                      volumeMounts: [{name: tmp, mountPath: /tmp}]
                  volumes: [{name: tmp, emptyDir: {}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: demo-service}
            spec:
              selector: {app: demo-service}
              ports: [{name: http, port: 8081, targetPort: http}]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: demo-service}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: demo-service}
              minReplicas: 2
              maxReplicas: 6
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: demo-service}
            spec:
              minAvailable: 1
              selector:
                matchLabels: {app: demo-service}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: demo-config}
            data: {db-host: "envgov-db-rw"}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: demo-secret}
            stringData: {username: demo, password: "PLACEHOLDER-x"}
            """;

    static List<Manifest> parse(String yaml) {
        return Manifests.parse("test.yaml", yaml);
    }

    /** GOOD with one piece of text replaced; fails if the text is not there, so every test really breaks GOOD. */
    static List<Manifest> broken(String original, String replacement) {
        assertThat(GOOD).contains(original);
        return parse(GOOD.replace(original, replacement));
    }

    @Test
    void theGoodExamplePassesEveryCheck() {
        List<Manifest> good = parse(GOOD);
        assertThat(ManifestChecks.probes(good)).isEmpty();
        assertThat(ManifestChecks.resources(good)).isEmpty();
        assertThat(ManifestChecks.companions(good)).isEmpty();
        assertThat(ManifestChecks.references(good, Set.of())).isEmpty();
        assertThat(ManifestChecks.stringValues(good)).isEmpty();
        assertThat(ManifestChecks.security(good)).isEmpty();
        assertThat(ManifestChecks.placeholderSecrets(good)).isEmpty();
        Container c = Container.ours(good).get(0);
        assertThat(c.service()).isEqualTo("demo-service");
        assertThat(ManifestChecks.environmentVariables(c, Set.of("SERVER_PORT", "JAVA_TOOL_OPTIONS", "DB_HOST", "DB_PASSWORD")))
                .isEmpty();
    }

    // 1. parsing

    @Test
    void aParseErrorNamesTheFile() {
        assertThatThrownBy(() -> Manifests.parse("broken.yaml", "a: [1, 2\n---\nb: 1\n"))
                .hasMessageContaining("broken.yaml").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Manifests.parse("dup.yaml", "kind: A\nkind: B\n")).hasMessageContaining("dup.yaml");
        assertThatThrownBy(() -> Manifests.parse("scalar.yaml", "just text\n")).hasMessageContaining("not a mapping");
    }

    @Test
    void everyDocumentOfAMultiDocumentFileIsRead() {
        assertThat(parse("kind: A\n---\nkind: B\n---\n")).extracting(Manifest::kind).containsExactly("A", "B");
    }

    // 2. probes and resources

    @Test
    void aMissingOrWrongProbeIsReported() {
        assertThat(ManifestChecks.probes(broken("livenessProbe:", "startupProbe:")))
                .singleElement().asString().contains("has no livenessProbe");
        assertThat(ManifestChecks.probes(broken("readinessProbe:", "startupProbe:")))
                .singleElement().asString().contains("has no readinessProbe");
        assertThat(ManifestChecks.probes(broken("path: /actuator/health/readiness", "path: /actuator/health")))
                .singleElement().asString().contains("readinessProbe should be GET /actuator/health/readiness");
        assertThat(ManifestChecks.probes(broken("port: 8081}}", "port: 9999}}")))
                .singleElement().asString().contains("port 9999");
    }

    @Test
    void missingRequestsOrLimitsAreReported() {
        assertThat(ManifestChecks.resources(broken("limits: {cpu: \"1\", memory: 768Mi}", "limits: {cpu: \"1\"}")))
                .containsExactly("test.yaml Deployment/demo-service container demo-service has no resources.limits.memory");
        assertThat(ManifestChecks.resources(broken("requests: {cpu: 250m, memory: 384Mi}", "requests: {memory: 384Mi}")))
                .containsExactly("test.yaml Deployment/demo-service container demo-service has no resources.requests.cpu");
    }

    @Test
    void containersOfOtherImagesAreNotHeldToOurRules() {
        List<Manifest> keycloak = broken("image: envgov/demo-service:0.1.0", "image: quay.io/keycloak/keycloak:26.5.6");
        assertThat(Container.ours(keycloak)).isEmpty();
        assertThat(ManifestChecks.probes(broken("image: envgov/demo-service:0.1.0\n", "image: other/x:1\n"))).isEmpty();
    }

    // 3. environment variables

    @Test
    void placeholderExtractionFindsUpperCaseNamesWithAndWithoutDefaults() {
        String yaml = """
                # Reads DB_HOST; ${COMMENTED_OUT:x} is only a comment
                server:
                  port: ${SERVER_PORT:8081}
                spring:
                  application:
                    name: ${spring.application.name-not-an-env}
                  r2dbc:
                    url: r2dbc:postgresql://${DB_HOST:localhost}:${DB_PORT:5432}/${DB_NAME:${envgov.database}}
                    password: ${DB_PASSWORD}
                eureka:
                  url: ${EUREKA_URL:${FALLBACK_URL:http://localhost:8761/eureka/}}
                other: $NOT_A_PLACEHOLDER ${Mixed_Case:x} ${lower_case} ${DB_HOST_EXTRA
                key: ${COMPLAINANT_KEY2:}
                """;
        assertThat(Placeholders.environmentVariables(yaml)).containsExactly(
                "COMPLAINANT_KEY2", "DB_HOST", "DB_NAME", "DB_PASSWORD", "DB_PORT", "EUREKA_URL", "FALLBACK_URL", "SERVER_PORT");
    }

    @Test
    void aVariableTheServiceDoesNotReadIsReported() {
        Container c = Container.ours(parse(GOOD)).get(0);
        assertThat(ManifestChecks.environmentVariables(c, Set.of("SERVER_PORT", "JAVA_TOOL_OPTIONS", "DB_HOST")))
                .singleElement().asString().contains("sets DB_PASSWORD, which demo-service does not read");
        Container withEnvFrom = Container.ours(broken("          env:\n", "          envFrom: [{configMapRef: {name: demo-config}}]\n          env:\n")).get(0);
        assertThat(ManifestChecks.environmentVariables(withEnvFrom, Set.of("SERVER_PORT", "JAVA_TOOL_OPTIONS", "DB_HOST", "DB_PASSWORD")))
                .singleElement().asString().contains("uses envFrom");
    }

    @Test
    void theVariablesAServiceReadsComeFromItsApplicationYmlThePlatformFileAndTheJvm(@TempDir Path repo) throws IOException {
        write(repo.resolve(ServiceSources.applicationYml("gateway")), "server.port: ${SERVER_PORT:8080}\n");
        write(repo.resolve(ServiceSources.applicationYml("registry")), "server.port: ${SERVER_PORT:8761}\n");
        write(repo.resolve(ServiceSources.PLATFORM_FILE), "eureka.url: ${EUREKA_URL:http://localhost:8761/eureka/}\n");
        ServiceSources sources = new ServiceSources(repo);

        assertThat(sources.environmentVariablesReadBy("gateway")).containsExactlyInAnyOrder("SERVER_PORT", "EUREKA_URL", "JAVA_TOOL_OPTIONS");
        assertThat(sources.environmentVariablesReadBy("registry")).containsExactlyInAnyOrder("SERVER_PORT", "JAVA_TOOL_OPTIONS");
    }

    @Test
    void aServiceWithoutApplicationYmlFailsWithAClearMessage(@TempDir Path repo) throws IOException {
        write(repo.resolve(ServiceSources.PLATFORM_FILE), "x: ${EUREKA_URL:y}\n");
        assertThatThrownBy(() -> new ServiceSources(repo).environmentVariablesReadBy("permit-service"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("permit-service/src/main/resources/application.yml does not exist");
    }

    // 4. Service, PodDisruptionBudget, HorizontalPodAutoscaler

    @Test
    void aDeploymentWithoutServicePdbOrHpaIsReported() {
        assertThat(ManifestChecks.companions(broken("kind: Service\nmetadata: {name: demo-service}", "kind: Service\nmetadata: {name: other}")))
                .singleElement().asString().contains("has no Service demo-service");
        assertThat(ManifestChecks.companions(broken("kind: PodDisruptionBudget\nmetadata: {name: demo-service}",
                "kind: PodDisruptionBudget\nmetadata: {name: other}")))
                .singleElement().asString().contains("has no PodDisruptionBudget demo-service");
        assertThat(ManifestChecks.companions(broken("kind: HorizontalPodAutoscaler\nmetadata: {name: demo-service}",
                "kind: HorizontalPodAutoscaler\nmetadata: {name: other}")))
                .singleElement().asString().contains("has no HorizontalPodAutoscaler demo-service");
    }

    @Test
    void aServicePdbOrHpaThatMissesItsDeploymentIsReported() {
        assertThat(ManifestChecks.companions(broken("  selector: {app: demo-service}", "  selector: {app: demo}")))
                .singleElement().asString().contains("Service/demo-service selector does not select");
        assertThat(ManifestChecks.companions(broken("targetPort: http", "targetPort: web")))
                .singleElement().asString().contains("no port whose targetPort");
        assertThat(ManifestChecks.companions(broken("kind: Deployment, name: demo-service}", "kind: Deployment, name: demo}")))
                .singleElement().asString().contains("does not target Deployment/demo-service");
        assertThat(ManifestChecks.companions(broken("minReplicas: 2", "minReplicas: 1")))
                .singleElement().asString().contains("at least 2 replicas");
        assertThat(ManifestChecks.companions(broken("resource: {name: cpu,", "resource: {name: memory,")))
                .singleElement().asString().contains("no cpu utilization target");
        assertThat(ManifestChecks.companions(broken("  replicas: 2", "  replicas: 1")))
                .singleElement().asString().contains("would block every voluntary eviction");
    }

    @Test
    void aStatefulSetNeedsItsHeadlessGoverningService() {
        String sts = GOOD.replace("kind: Deployment", "kind: StatefulSet").replace("  replicas: 2", "  serviceName: demo-service\n  replicas: 1");
        assertThat(ManifestChecks.companions(parse(sts))).singleElement().asString().contains("is not headless");
        String headless = sts.replace("spec:\n  selector: {app: demo-service}", "spec:\n  clusterIP: None\n  selector: {app: demo-service}");
        assertThat(ManifestChecks.companions(parse(headless))).isEmpty();
        assertThat(ManifestChecks.companions(parse(headless.replace("serviceName: demo-service", "serviceName: nope"))))
                .singleElement().asString().contains("has no governing Service nope");
    }

    // 5. kustomization.yaml

    @Test
    void kustomizationMustListExactlyTheManifestFiles(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.yaml"), "kind: A\n");
        write(dir.resolve("b.yaml"), "kind: B\n");
        write(dir.resolve("notes.txt"), "not a manifest\n");
        write(dir.resolve("kustomization.yaml"), "resources:\n  - a.yaml\n  - b.yaml\n");
        assertThat(ManifestChecks.kustomization(dir)).isEmpty();

        write(dir.resolve("kustomization.yaml"), "resources:\n  - a.yaml\n  - c.yaml\n  - a.yaml\n");
        assertThat(ManifestChecks.kustomization(dir)).containsExactlyInAnyOrder(
                "kustomization.yaml lists a.yaml twice",
                "kustomization.yaml does not list b.yaml",
                "kustomization.yaml lists c.yaml, which is not a manifest file in " + dir);

        Files.delete(dir.resolve("kustomization.yaml"));
        assertThat(ManifestChecks.kustomization(dir)).singleElement().asString().contains("does not exist");
    }

    // 6. secretKeyRef / configMapKeyRef

    @Test
    void aReferenceToAMissingSecretConfigMapOrKeyIsReported() {
        assertThat(ManifestChecks.references(broken("{name: demo-secret, key: password}", "{name: demo-secret, key: pasword}"), Set.of()))
                .singleElement().asString().contains("key pasword of Secret demo-secret");
        assertThat(ManifestChecks.references(broken("{name: demo-config, key: db-host}", "{name: envgov-config, key: db-host}"), Set.of()))
                .singleElement().asString().contains("ConfigMap envgov-config, which the manifests do not define");
        assertThat(ManifestChecks.references(broken("kind: Secret\nmetadata: {name: demo-secret}", "kind: Secret\nmetadata: {name: x}"), Set.of()))
                .singleElement().asString().contains("Secret demo-secret, which the manifests do not define");
        assertThat(ManifestChecks.references(broken("{name: demo-secret, key: password}", "{name: gone, key: password, optional: true}"), Set.of()))
                .isEmpty();
    }

    @Test
    void volumesAndDatabaseRoleSecretsMustExistUnlessCreatedOutsideKustomize() {
        List<Manifest> withRealm = broken("volumes: [{name: tmp, emptyDir: {}}]",
                "volumes: [{name: tmp, emptyDir: {}}, {name: realm, configMap: {name: keycloak-realm}}]");
        assertThat(ManifestChecks.references(withRealm, Set.of())).singleElement().asString().contains("ConfigMap keycloak-realm");
        assertThat(ManifestChecks.references(withRealm, Set.of("keycloak-realm"))).isEmpty();

        String cluster = """
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  managed:
                    roles: [{name: demo, passwordSecret: {name: demo-secret}}, {name: x, passwordSecret: {name: x-secret}}]
                """;
        assertThat(ManifestChecks.references(parse(GOOD + cluster), Set.of()))
                .containsExactly("test.yaml Cluster/db role x refers to Secret x-secret, which the manifests do not define",
                        "test.yaml Cluster/db role x refers to Secret x-secret, which the manifests do not define");
    }

    // further rules

    @Test
    void unquotedNumbersInEnvOrConfigMapsAreReported() {
        assertThat(ManifestChecks.stringValues(broken("value: \"8081\"", "value: 8081")))
                .singleElement().asString().contains("SERVER_PORT value 8081 must be quoted");
        assertThat(ManifestChecks.stringValues(broken("data: {db-host: \"envgov-db-rw\"}", "data: {db-port: 5432}")))
                .singleElement().asString().contains("data.db-port value 5432 must be quoted");
    }

    @Test
    void aWritableRootFilesystemRootUserOrMissingTmpIsReported() {
        assertThat(ManifestChecks.security(broken("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
                .singleElement().asString().contains("readOnlyRootFilesystem");
        assertThat(ManifestChecks.security(broken("runAsNonRoot: true", "runAsUser: 0")))
                .singleElement().asString().contains("runAsNonRoot");
        assertThat(ManifestChecks.security(broken("{name: tmp, emptyDir: {}}", "{name: tmp, hostPath: {path: /tmp}}")))
                .singleElement().asString().contains("emptyDir mounted on /tmp");
        assertThat(ManifestChecks.security(broken("-XX:MaxRAMPercentage=75", "-Xmx512m")))
                .singleElement().asString().contains("MaxRAMPercentage");
    }

    @Test
    void aRealLookingSecretValueIsReported() {
        assertThat(ManifestChecks.placeholderSecrets(broken("password: \"PLACEHOLDER-x\"", "password: \"hunter2\"")))
                .singleElement().asString().contains("password is not an obvious placeholder");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
