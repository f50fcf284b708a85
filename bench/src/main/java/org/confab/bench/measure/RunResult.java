package org.confab.bench.measure;

import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One run of one workload against one server.
 *
 * @param latency the run's main latency distribution in microseconds; empty when it has none
 * @param warnings where the generator itself may have limited what was measured, and anything
 *     else a reader must know before trusting the figures
 */
public record RunResult(String workload, String target, Figures figures, Histogram latency, List<String> warnings) {

    /** One machine-readable line: {@code bench workload=... target=... key=value ...}. */
    public String keyValueLine() {
        StringBuilder line = new StringBuilder("bench workload=").append(workload).append(" target=").append(target);
        figures.asMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(Figures.format(v)));
        line.append(" warnings=").append(warnings.size());
        return line.toString();
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(workload).append(" against ").append(target).append(":\n");
        String figuresText = figures.asMap().entrySet().stream()
                .map(e -> e.getKey() + " " + Figures.format(e.getValue()))
                .collect(Collectors.joining(", "));
        s.append("  ").append(figuresText).append('\n');
        for (String w : warnings) {
            s.append("  WARNING: ").append(w).append('\n');
        }
        return s.toString();
    }
}
