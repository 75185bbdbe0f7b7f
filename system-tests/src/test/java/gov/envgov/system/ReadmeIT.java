package gov.envgov.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.envgov.launcher.PlatformConfig;
import gov.envgov.launcher.process.Platform;

/**
 * Every {@code bash} block of the README, run as a reader runs them: in order, in one shell, against the platform the
 * system tests start (the README's ports replaced by the test platform's). Every {@code curl} fails on an HTTP error
 * ({@code --fail-with-body}) and the shell stops at the first failing command, so an example that rots fails this
 * test with its block and its output. Only blocks that build or start the platform itself are left out. Named to
 * run after the other system tests (failsafe runs classes alphabetically): the examples change the demo data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeIT {

    private static final Pattern BASH_BLOCK = Pattern.compile("(?m)^```bash\\n(.*?)^```", Pattern.DOTALL);

    private Platform platform;
    private Path repository;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = TestPlatform.shared();
        repository = platform.config().repository();
    }

    /** The README's bash blocks in order, each with the line it starts on. */
    static List<Block> blocks(String readme) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BASH_BLOCK.matcher(readme);
        while (matcher.find()) {
            int line = 1 + (int) readme.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
            blocks.add(new Block(line, matcher.group(1)));
        }
        return blocks;
    }

    record Block(int line, String text) {

        /** Blocks that build, test or start the platform: the test runs inside a started platform instead. */
        boolean startsOrBuilds() {
            return text.contains("./envgov ") || text.contains("./mvnw ");
        }
    }

    static String onTestPlatform(String text, PlatformConfig config) {
        return text.replace("http://localhost:8080", config.gatewayUrl())
                .replace("http://localhost:8180", config.keycloakUrl())
                .replace("http://localhost:8761", "http://localhost:" + config.registryPort());
    }

    @Test
    void everyCommandBlockOfTheReadmeWorksAgainstTheRunningPlatform() throws Exception {
        String readme = Files.readString(repository.resolve("README.md"));
        List<Block> blocks = blocks(readme);
        assertThat(blocks).as("bash blocks in the README").hasSizeGreaterThan(5);

        StringBuilder script = new StringBuilder()
                .append("set -euo pipefail\n")
                .append("curl() { command curl --fail-with-body --show-error --max-time 60 \"$@\"; echo; }\n");
        int run = 0;
        for (Block block : blocks) {
            if (block.startsOrBuilds()) {
                continue;
            }
            run++;
            script.append("echo '=== README block at line ").append(block.line()).append("'\n")
                    .append(onTestPlatform(block.text(), platform.config())).append('\n');
        }
        script.append("echo '=== README done'\n");
        assertThat(run).as("runnable README blocks").isGreaterThan(4);

        Path workDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "readme-");
        Files.createSymbolicLink(workDir.resolve("enforcement-service"),
                repository.resolve("enforcement-service"));
        Path scriptFile = workDir.resolve("readme.sh");
        Files.writeString(scriptFile, script);
        Path output = workDir.resolve("readme.out");
        Process bash = new ProcessBuilder("bash", scriptFile.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = bash.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            bash.destroyForcibly();
        }
        String printed = tail(output);
        assertThat(finished).as("the README's commands finished within 5 minutes; output:%n%s", printed).isTrue();
        assertThat(bash.exitValue())
                .as("every README command succeeded; the last block started and its output:%n%s", printed)
                .isZero();
        String all = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(all).contains("=== README done");
        if (readme.contains("VerifyDraw.java")) {
            assertThat(all).as("the citizen's verifier of a published draw").contains("MATCH");
        }
    }

    private static String tail(Path output) throws IOException {
        String all = Files.readString(output, StandardCharsets.UTF_8);
        int lastBlock = all.lastIndexOf("=== README block");
        String fromLast = lastBlock < 0 ? all : all.substring(lastBlock);
        return fromLast.length() > 8000 ? fromLast.substring(fromLast.length() - 8000) : fromLast;
    }
}
