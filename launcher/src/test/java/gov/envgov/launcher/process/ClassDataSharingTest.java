package gov.envgov.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PERF-START-CDS: how the launcher starts a jar with class data sharing. The extraction itself is Spring Boot's
 * ({@code -Djarmode=tools extract}); here a stand-in for {@code java} lays out what it would, so that the launcher's
 * part is tested alone: the folder per jar version, training, the archive, turning it off. Every platform start of
 * the system tests runs the real thing.
 */
@DisplayName("PERF-START-CDS: the launcher's class data sharing")
class ClassDataSharingTest {

    @TempDir
    Path target;

    @Test
    void theFirstStartTrainsAndLaterStartsMapTheArchive() throws IOException {
        Path jar = jar("permit-service-0.1.0-exec.jar");
        ClassDataSharing sharing = new ClassDataSharing(Map.of(), fakeJava(0));

        ClassDataSharing.Launch first = sharing.prepare(jar);
        Path extracted = Path.of(first.arguments().get(first.arguments().size() - 1));
        assertThat(extracted).isRegularFile().hasFileName("permit-service-0.1.0-exec.jar");
        assertThat(extracted.getParent().getParent().getParent()).isEqualTo(target.resolve("cds")
                .resolve("permit-service-0.1.0-exec.jar"));
        assertThat(first.arguments()).contains("-XX:ArchiveClassesAtExit=" + first.training())
                .doesNotContain("-XX:SharedArchiveFile=" + first.archive());

        // The JVM writes the training archive as it exits; the launcher then keeps it as the archive.
        Files.writeString(first.training(), "archive");
        first.completeTraining();
        assertThat(first.archive()).hasContent("archive");
        assertThat(first.training()).doesNotExist();

        ClassDataSharing.Launch later = sharing.prepare(jar);
        assertThat(later.arguments()).contains("-XX:SharedArchiveFile=" + first.archive(), "-jar",
                extracted.toString());
        assertThat(later.training()).isNull();
    }

    @Test
    void aProcessKilledWithoutGraceLeavesNoArchiveAndTheNextStartTrainsAgain() throws IOException {
        Path jar = jar("gateway-0.1.0-exec.jar");
        ClassDataSharing sharing = new ClassDataSharing(Map.of(), fakeJava(0));
        ClassDataSharing.Launch killed = sharing.prepare(jar);
        killed.completeTraining();
        assertThat(killed.archive()).doesNotExist();
        assertThat(sharing.prepare(jar).arguments()).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aRebuiltJarGetsAFolderOfItsOwnAndTheOldOneGoes() throws IOException {
        Path jar = jar("registry-0.1.0-exec.jar");
        ClassDataSharing sharing = new ClassDataSharing(Map.of(), fakeJava(0));
        Path old = sharing.prepare(jar).archive().getParent();
        Files.writeString(jar, "rebuilt, longer than before");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Path rebuilt = sharing.prepare(jar).archive().getParent();
        assertThat(rebuilt).isNotEqualTo(old).isDirectory();
        assertThat(old).doesNotExist();
    }

    @Test
    void turnedOffOrFailingToExtractTheJarRunsAsItIs() throws IOException {
        Path jar = jar("portal-0.1.0-exec.jar");
        assertThat(new ClassDataSharing(Map.of(ClassDataSharing.SWITCH, "false"), fakeJava(0)).prepare(jar)
                .arguments()).isEqualTo(List.of("-jar", jar.toString()));
        assertThat(new ClassDataSharing(Map.of(), fakeJava(3)).prepare(jar).arguments())
                .isEqualTo(List.of("-jar", jar.toString()));
    }

    private Path jar(String name) throws IOException {
        return Files.writeString(target.resolve(name), "jar");
    }

    /**
     * Stands in for {@code java -Djarmode=tools -jar JAR extract --destination DIR}: writes DIR/JAR's name and
     * DIR/lib, or fails with the given exit code.
     */
    private Path fakeJava(int exit) throws IOException {
        Path script = target.resolve("java-" + exit);
        Files.writeString(script, """
                #!/bin/sh
                [ "%d" -ne 0 ] && exit %d
                jar="$3"; destination="$6"
                mkdir -p "$destination/lib" && cp "$jar" "$destination/$(basename "$jar")"
                """.formatted(exit, exit));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
