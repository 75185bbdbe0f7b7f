package gov.envgov.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds one deployable's image tarball the way a release does (the module's and the root pom's Jib
 * configuration, goal jib:buildTar), but on a minimal local base image instead of the JRE image, because no
 * container registry can be reached here: Jib takes a docker-save tarball as base with {@code tar://}.
 */
final class ImageBuild {

    static final Path REPOSITORY = Path.of("..");
    static final long TIMEOUT_MINUTES = 10;

    private ImageBuild() {
    }

    /** A docker-save tarball of a linux/amd64 image with one small layer and no Java: enough to build on. */
    static Path writeBaseImage(Path file) throws IOException {
        Map<String, byte[]> layerFiles = new LinkedHashMap<>();
        layerFiles.put("etc/envgov-test-base", "base image of ImageTest\n".getBytes(StandardCharsets.UTF_8));
        byte[] layer = Tar.write(layerFiles);
        String config = """
                {"architecture":"amd64","os":"linux",\
                "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},\
                "rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}""".formatted(sha256(layer));
        String manifest = """
                [{"Config":"config.json","RepoTags":["envgov-test/base:1"],"Layers":["layer.tar"]}]""";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        files.put("config.json", config.getBytes(StandardCharsets.UTF_8));
        files.put("layer.tar", layer);
        Files.createDirectories(file.getParent());
        Files.write(file, Tar.write(files));
        return file;
    }

    /**
     * Runs {@code mvnw compile jib:buildTar} for the module, offline and on the local repository of the surrounding
     * build, and returns the tarball. Fails with the end of Maven's output when the build fails.
     */
    static Path buildTar(String module, Path workDir) throws IOException, InterruptedException {
        Path base = writeBaseImage(workDir.resolve("base-image.tar")).toAbsolutePath();
        Path tarball = workDir.resolve(module + "-image.tar").toAbsolutePath();
        Path log = workDir.resolve(module + "-image.log").toAbsolutePath();
        Files.deleteIfExists(tarball);
        Path root = REPOSITORY.toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q",
                "-f", root.resolve("pom.xml").toString(), "-pl", module, "compile", "jib:buildTar",
                "-Djib.from.image=tar://" + base,
                "-Djib.outputPaths.tar=" + tarball,
                "-Djib.disableUpdateChecks=true"));
        if (offline()) {
            command.add(1, "-o");
        }
        String repository = System.getProperty("envgov.maven.repository");
        if (repository != null && !repository.isBlank() && !repository.startsWith("$")) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took more than " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(tarball)) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "), "
                    + log + " ends with:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return tarball;
    }

    /** Whether the Maven build running this test is offline (the k8s pom passes it as "offline=true|false"). */
    static boolean offline() {
        return "offline=true".equals(System.getProperty("envgov.maven.settings"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> entries(Path tar, long maxSize) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            return Tar.read(in, maxSize);
        }
    }
}
