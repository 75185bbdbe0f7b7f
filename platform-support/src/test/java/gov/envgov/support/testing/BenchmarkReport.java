package gov.envgov.support.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures of a benchmark run, one row each: what was measured, its baseline from the same run, the ratio, the
 * goal and whether it holds. Every row is printed, and appended as a tab-separated line to the file named by the
 * system property {@code envgov.bench.report} when it is set ({@code ./envgov bench} sets it and turns the file
 * into a Markdown table).
 */
public final class BenchmarkReport {

    public static final String REPORT_PROPERTY = "envgov.bench.report";

    private BenchmarkReport() {
    }

    /**
     * A latency goal at a stated load: the p99 must not exceed {@code goalMillis}. The baseline is a cheaper call
     * measured at the same load in the same run (a trivial request, or the query alone), and the ratio is p99 over
     * the baseline's p99.
     */
    public static boolean latency(String figure, Latencies measured, String baselineName, Latencies baseline,
                                  double goalMillis) {
        double p99 = measured.millis(0.99);
        double base = baseline.millis(0.99);
        boolean holds = p99 <= goalMillis;
        row(figure, format("p99 %.1f ms (p50 %.1f, %.0f req/s)", p99, measured.millis(0.50), measured.throughput()),
                format("%s p99 %.1f ms", baselineName, base), format("%.2f", p99 / base),
                format("p99 ≤ %.0f ms", goalMillis), holds);
        return holds;
    }

    /** A throughput goal: value ÷ baseline must reach {@code goalRatio}. */
    public static boolean ratioAtLeast(String figure, double value, String unit, String baselineName,
                                       double baseline, double goalRatio) {
        double ratio = value / baseline;
        boolean holds = ratio >= goalRatio;
        row(figure, format("%.1f %s", value, unit), format("%s %.1f %s", baselineName, baseline, unit),
                format("%.2f", ratio), format("≥ %.2f", goalRatio), holds);
        return holds;
    }

    /** A goal on an absolute figure (seconds, bytes, units per second) with a baseline given for context. */
    public static boolean atMost(String figure, double value, String unit, String baselineName, double baseline,
                                 double goal) {
        boolean holds = value <= goal;
        row(figure, format("%.1f %s", value, unit), format("%s %.1f %s", baselineName, baseline, unit),
                format("%.2f", value / baseline), format("≤ %s %s", trim(goal), unit), holds);
        return holds;
    }

    /** A goal on an absolute figure that must reach {@code goal}. */
    public static boolean atLeast(String figure, double value, String unit, String baselineName, double baseline,
                                  double goal) {
        boolean holds = value >= goal;
        row(figure, format("%.1f %s", value, unit), format("%s %.1f %s", baselineName, baseline, unit),
                format("%.2f", value / baseline), format("≥ %s %s", trim(goal), unit), holds);
        return holds;
    }

    /** One row as it is: the cells are written as given (tabs and line breaks become spaces). */
    public static void row(String figure, String measured, String baseline, String ratio, String goal,
                           boolean holds) {
        String[] cells = {figure, measured, baseline, ratio, goal, holds ? "holds" : "MISSED"};
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (line.length() > 0) {
                line.append('\t');
            }
            line.append(cell.replaceAll("[\\t\\r\\n]+", " "));
        }
        System.out.println("BENCHMARK " + line.toString().replace('\t', '|'));
        String report = System.getProperty(REPORT_PROPERTY);
        if (report == null || report.isBlank()) {
            return;
        }
        try {
            Path file = Path.of(report);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot append to the benchmark report " + report, e);
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
