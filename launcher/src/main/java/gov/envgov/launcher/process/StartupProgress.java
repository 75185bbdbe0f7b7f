package gov.envgov.launcher.process;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import gov.envgov.launcher.Http;

/**
 * What {@code ./envgov run} prints while the platform starts (LAUNCH-STARTUP-PROGRESS): a line when a component is
 * started or awaited, a reminder while one keeps the start waiting, a line with the seconds since the start when it is
 * up; and when one fails (its process exits, or it is not healthy in time) an exception that names it and carries the
 * last lines of its log.
 */
final class StartupProgress {

    /** How often a component that keeps the start waiting is named again. */
    static final Duration REMINDER = Duration.ofSeconds(15);
    /** How many lines of a failed component's log the summary shows. */
    static final int LOG_LINES = 20;

    private final PrintStream out;
    private final Clock clock;
    private final Instant began;

    StartupProgress(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.began = clock.instant();
    }

    void started(ManagedProcess process) {
        line(process.name(), "starting (pid " + process.pid() + ", log " + process.log() + ")");
    }

    void waiting(String component) {
        line(component, "waiting ...");
    }

    void up(String component) {
        line(component, String.format("up after %3d s", seconds()));
    }

    /**
     * Polls until the component is healthy, naming it again every {@link #REMINDER} it keeps the start waiting. Fails
     * as soon as one of the processes exits (that one is named), or when the time is up (the awaited one is).
     */
    void await(String component, BooleanSupplier healthy, List<ManagedProcess> processes, Duration timeout,
               Duration poll) {
        Instant since = clock.instant();
        Instant deadline = since.plus(timeout);
        Instant remindAt = since.plus(REMINDER);
        waiting(component);
        while (clock.instant().isBefore(deadline)) {
            if (healthy.getAsBoolean()) {
                up(component);
                return;
            }
            for (ManagedProcess process : processes) {
                Integer exit = process.exitCode();
                if (exit != null) {
                    throw failure(process.name(), "exited with code " + exit + " while " + component
                            + " was awaited", List.of(process));
                }
            }
            if (!clock.instant().isBefore(remindAt)) {
                line(component, "still waiting, " + Duration.between(since, clock.instant()).toSeconds() + " s");
                remindAt = clock.instant().plus(REMINDER);
            }
            Http.pause(poll);
        }
        throw failure(component, "not healthy within " + timeout.toSeconds() + " s", logsOf(component, processes));
    }

    /** A failure naming the component, with the last lines of each log that can tell why. */
    StartupFailure failure(String component, String what, List<ManagedProcess> logs) {
        line(component, "FAILED after " + seconds() + " s: " + what);
        StringBuilder message = new StringBuilder(component).append(' ').append(what);
        for (ManagedProcess process : logs) {
            message.append("\n\nThe last lines of ").append(process.log()).append(":\n");
            process.lastLines(LOG_LINES).forEach(text -> message.append("  | ").append(text).append('\n'));
        }
        return new StartupFailure(component, message.toString().stripTrailing());
    }

    /**
     * The processes whose log can explain a component: its own ("permit-service via gateway" is permit-service's,
     * "Keycloak" keycloak's), and the gateway's for a route through it.
     */
    static List<ManagedProcess> logsOf(String component, List<ManagedProcess> processes) {
        String name = component.toLowerCase(Locale.ROOT);
        return processes.stream().filter(process -> name.startsWith(process.name())
                || name.endsWith("via gateway") && process.name().equals("gateway")).toList();
    }

    private long seconds() {
        return Duration.between(began, clock.instant()).toSeconds();
    }

    private void line(String component, String state) {
        out.printf("  %-32s %s%n", component, state);
        out.flush();
    }

    /** The start-up failed: {@link #component()} is the one that did; the message says why and shows its log. */
    static final class StartupFailure extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        private final String component;

        StartupFailure(String component, String message) {
            super(message);
            this.component = component;
        }

        String component() {
            return component;
        }
    }
}
