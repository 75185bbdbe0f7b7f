package gov.envgov.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which environment variables a service reads, taken from its source: the placeholders of
 * {@code <service>/src/main/resources/application.yml}, for the services built on platform-support also of
 * {@code platform-support/src/main/resources/envgov-platform.yml}, plus JAVA_TOOL_OPTIONS (read by the JVM).
 */
final class ServiceSources {

    /** The services that import platform-support's shared configuration: the business services and the gateway. */
    static final Set<String> PLATFORM_SERVICES =
            Set.of("gateway", "permit-service", "complaint-service", "enforcement-service", "credit-service");

    /** Read by the JVM itself, whatever the service's configuration says. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    static final Path PLATFORM_FILE = Path.of("platform-support", "src", "main", "resources", "envgov-platform.yml");

    private final Path repositoryRoot;

    ServiceSources(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    static Path applicationYml(String service) {
        return Path.of(service, "src", "main", "resources", "application.yml");
    }

    /** The files the service's variables come from; fails (AssertionError) when one of them does not exist. */
    List<Path> sourcesOf(String service) {
        List<Path> sources = new ArrayList<>();
        sources.add(repositoryRoot.resolve(applicationYml(service)));
        if (PLATFORM_SERVICES.contains(service)) {
            sources.add(repositoryRoot.resolve(PLATFORM_FILE));
        }
        for (Path source : sources) {
            if (!Files.isRegularFile(source)) {
                throw new AssertionError(source + " does not exist (yet), so the environment variables " + service
                        + " reads cannot be determined; the manifests may only set variables the service reads "
                        + "(placeholders ${NAME} / ${NAME:default} in that file)");
            }
        }
        return sources;
    }

    Set<String> environmentVariablesReadBy(String service) {
        Set<String> names = new TreeSet<>(JVM_VARIABLES);
        for (Path source : sourcesOf(service)) {
            try {
                names.addAll(Placeholders.environmentVariables(Files.readString(source)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
