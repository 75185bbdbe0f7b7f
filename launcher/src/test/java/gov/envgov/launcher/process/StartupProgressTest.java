package gov.envgov.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LAUNCH-STARTUP-PROGRESS: what {@code ./envgov run} says while it starts, and when a component fails. */
class StartupProgressTest {

    @TempDir
    Path logs;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final StepClock clock = new StepClock();
    private final StartupProgress progress = new StartupProgress(out, clock);
    private ManagedProcess running;

    @AfterEach
    void stopWhatRuns() {
        if (running != null) {
            running.stop(5);
        }
    }

    @Test
    @DisplayName("LAUNCH-STARTUP-PROGRESS: a component is named while awaited, again while it takes long, then up")
    void aComponentIsWaitedForWithRemindersThenUpWithTheSecondsSinceTheStart() {
        AtomicInteger polls = new AtomicInteger();
        clock.advance(Duration.ofSeconds(4));
        progress.await("registry", () -> {
            clock.advance(Duration.ofSeconds(10));
            return polls.incrementAndGet() == 4;
        }, List.of(), Duration.ofMinutes(5), Duration.ZERO);

        assertThat(lines()).containsExactly(
                "  registry                         waiting ...",
                "  registry                         still waiting, 20 s",
                "  registry                         up after  44 s");
    }

    @Test
    @DisplayName("LAUNCH-STARTUP-PROGRESS: a process that exits at once is named with its exit code and log")
    void aProcessThatExitsAtOnceIsNamedWithItsExitCodeAndTheLastLinesOfThisStartsLog() throws Exception {
        Files.writeString(logs.resolve("permit-service.log"), "a line of an earlier start\n");
        ManagedProcess failing = ManagedProcess.start("permit-service",
                List.of("sh", "-c", "echo 'APPLICATION FAILED TO START'; echo 'Port 8081 was already in use.'; exit 3"),
                logs, Map.of(), logs);
        awaitExit(failing);

        assertThatThrownBy(() -> progress.await("permit-service", () -> false, List.of(failing),
                Duration.ofMinutes(5), Duration.ofMillis(10)))
                .isInstanceOfSatisfying(StartupProgress.StartupFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("permit-service");
                    assertThat(failure.getMessage())
                            .startsWith("permit-service exited with code 3 while permit-service was awaited")
                            .contains("The last lines of " + logs.resolve("permit-service.log"))
                            .contains("  | APPLICATION FAILED TO START\n  | Port 8081 was already in use.")
                            .doesNotContain("earlier start");
                });
        assertThat(lines()).last().asString().startsWith("  permit-service                   FAILED after 0 s: "
                + "exited with code 3");
    }

    @Test
    @DisplayName("LAUNCH-STARTUP-PROGRESS: while one component is awaited, another that exits is the one named")
    void whileOneComponentIsAwaitedAnotherThatExitsIsTheOneNamed() throws Exception {
        running = ManagedProcess.start("keycloak", List.of("sleep", "60"), logs, Map.of(), logs);
        ManagedProcess exited = ManagedProcess.start("registry", List.of("sh", "-c", "echo 'bad config'; exit 1"),
                logs, Map.of(), logs);
        awaitExit(exited);

        assertThatThrownBy(() -> progress.await("Keycloak", () -> false, List.of(running, exited),
                Duration.ofMinutes(5), Duration.ofMillis(10)))
                .isInstanceOfSatisfying(StartupProgress.StartupFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("registry");
                    assertThat(failure.getMessage()).contains("registry exited with code 1").contains("| bad config")
                            .doesNotContain("keycloak.log");
                });
    }

    @Test
    @DisplayName("LAUNCH-STARTUP-PROGRESS: a component not healthy in time is named with its own log")
    void aComponentNotHealthyInTimeIsNamedWithItsOwnLogAndTheGatewaysForARoute() throws Exception {
        running = ManagedProcess.start("gateway", List.of("sh", "-c", "echo 'no instances of permit-service'; "
                + "exec sleep 60"), logs, Map.of(), logs);
        ManagedProcess service = ManagedProcess.start("permit-service", List.of("sh", "-c", "echo 'Started'; "
                + "exec sleep 60"), logs, Map.of(), logs);
        awaitLine(running, "no instances of permit-service");
        awaitLine(service, "Started");
        try {
            assertThatThrownBy(() -> progress.await("permit-service via gateway", () -> {
                clock.advance(Duration.ofSeconds(30));
                return false;
            }, List.of(running, service), Duration.ofSeconds(60), Duration.ZERO))
                    .isInstanceOfSatisfying(StartupProgress.StartupFailure.class, failure -> {
                        assertThat(failure.component()).isEqualTo("permit-service via gateway");
                        assertThat(failure.getMessage())
                                .startsWith("permit-service via gateway not healthy within 60 s")
                                .contains("| no instances of permit-service").contains("| Started");
                    });
        } finally {
            service.stop(5);
        }
    }

    @Test
    void theLogsThatExplainAComponentAreItsOwnAndTheGatewaysForARoute() throws IOException {
        running = ManagedProcess.start("gateway", List.of("sleep", "60"), logs, Map.of(), logs);
        ManagedProcess keycloak = ManagedProcess.start("keycloak", List.of("sleep", "60"), logs, Map.of(), logs);
        try {
            assertThat(StartupProgress.logsOf("Keycloak", List.of(running, keycloak))).containsExactly(keycloak);
            assertThat(StartupProgress.logsOf("portal via gateway", List.of(running, keycloak)))
                    .containsExactly(running);
            assertThat(StartupProgress.logsOf("PostgreSQL (embedded)", List.of(running, keycloak))).isEmpty();
        } finally {
            keycloak.stop(5);
        }
    }

    private static void awaitExit(ManagedProcess process) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (process.exitCode() == null && Instant.now().isBefore(deadline)) {
            gov.envgov.launcher.Http.pause(Duration.ofMillis(10));
        }
        assertThat(process.exitCode()).as(process.name() + " exited").isNotNull();
    }

    private static void awaitLine(ManagedProcess process, String line) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!process.lastLines(5).contains(line) && Instant.now().isBefore(deadline)) {
            gov.envgov.launcher.Http.pause(Duration.ofMillis(10));
        }
        assertThat(process.lastLines(5)).contains(line);
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** A clock the test moves by hand. */
    private static final class StepClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
