package gov.envgov.launcher.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Class data sharing for the platform's own JVMs (PERF-START-CDS): the JVM maps the classes an earlier start
 * loaded from an archive instead of reading, verifying and parsing them again, which is most of what a Spring Boot
 * start spends on these two cores.
 * <ol>
 *   <li>The executable jar is extracted once (Spring Boot's {@code -Djarmode=tools extract}: the application jar
 *       and its libraries as plain jars, the layout CDS needs) into {@code <module>/target/cds/<jar>/<size-mtime>/};
 *       a rebuilt jar gets a folder of its own and the old one is removed.</li>
 *   <li>The first start there is the training run: {@code -XX:ArchiveClassesAtExit} writes the classes it loaded
 *       when the process ends gracefully; {@link Launch#completeTraining()} then makes that file the archive
 *       ({@code classes.jsa}). A process killed without a grace writes none, and the next start trains again.</li>
 *   <li>Every later start runs with {@code -XX:SharedArchiveFile}; a JVM that cannot use the archive (another JDK)
 *       starts without it (the JVM's own CDS messages are off: a training run lists thousands of classes it
 *       skips).</li>
 * </ol>
 * {@code ENVGOV_CDS=false} turns it off (the jar runs as {@code java -jar}, as it would without the launcher); so
 * does any failure to extract, which the log names.
 */
final class ClassDataSharing {

    static final String SWITCH = "ENVGOV_CDS";
    static final String ARCHIVE = "classes.jsa";

    private final boolean enabled;
    private final Path java;

    ClassDataSharing(Map<String, String> environment, Path java) {
        this.enabled = !"false".equalsIgnoreCase(environment.getOrDefault(SWITCH, "true").trim());
        this.java = java;
    }

    /** How a jar is started: the arguments after the JVM options, and what to do once the process has ended. */
    record Launch(List<String> arguments, Path training, Path archive) {

        /** Makes the training run's archive the one later starts use, if the run wrote one. */
        void completeTraining() {
            if (training == null || !Files.isRegularFile(training)) {
                return;
            }
            try {
                if (Files.size(training) > 0 && !Files.exists(archive)) {
                    Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                System.err.println("class data sharing: cannot keep " + training + ": " + e.getMessage());
            } finally {
                try {
                    Files.deleteIfExists(training);
                } catch (IOException ignored) {
                    // A leftover training file is overwritten by no one and removed with its folder.
                }
            }
        }
    }

    Launch prepare(Path jar) {
        if (!enabled) {
            return plain(jar);
        }
        try {
            Path folder = jar.resolveSibling("cds").resolve(jar.getFileName().toString())
                    .resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            Path extracted = extract(jar, folder);
            List<String> arguments = new ArrayList<>();
            Path archive = folder.resolve(ARCHIVE);
            Path training = null;
            if (Files.isRegularFile(archive)) {
                arguments.add("-XX:SharedArchiveFile=" + archive);
            } else {
                training = folder.resolve("training-" + UUID.randomUUID() + ".jsa");
                arguments.add("-XX:ArchiveClassesAtExit=" + training);
            }
            arguments.add("-Xlog:cds=off");
            arguments.add("-Xlog:cds+dynamic=off");
            arguments.add("-jar");
            arguments.add(extracted.toString());
            return new Launch(List.copyOf(arguments), training, archive);
        } catch (IOException | RuntimeException e) {
            System.err.println("class data sharing off for " + jar.getFileName() + ": " + e.getMessage());
            return plain(jar);
        }
    }

    private static Launch plain(Path jar) {
        return new Launch(List.of("-jar", jar.toString()), null, null);
    }

    /** The extracted application jar in {@code folder/app}, extracting it first when it is not there yet. */
    private Path extract(Path jar, Path folder) throws IOException {
        Path app = folder.resolve("app");
        Path extracted = app.resolve(jar.getFileName().toString());
        if (Files.isRegularFile(extracted)) {
            return extracted;
        }
        removeOtherVersions(folder);
        Files.createDirectories(folder);
        Path scratch = folder.resolve("extracting-" + UUID.randomUUID());
        Process process = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", scratch.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar.getFileName() + " failed (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar.getFileName(), e);
        }
        try {
            Files.move(scratch, app, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException concurrent) {
            // Another launcher extracted the same jar meanwhile: its copy is as good.
            Folders.deleteRecursively(scratch);
        }
        if (!Files.isRegularFile(extracted)) {
            throw new IOException("the extracted layout of " + jar.getFileName() + " has no " + extracted);
        }
        return extracted;
    }

    private static void removeOtherVersions(Path folder) throws IOException {
        Path versions = folder.getParent();
        if (!Files.isDirectory(versions)) {
            return;
        }
        try (DirectoryStream<Path> others = Files.newDirectoryStream(versions)) {
            for (Path other : others) {
                if (!other.equals(folder)) {
                    Folders.deleteRecursively(other);
                }
            }
        }
    }

    /** Recursive deletion of a folder. */
    static final class Folders {
        private Folders() {
        }

        static void deleteRecursively(Path path) throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
