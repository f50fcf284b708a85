package org.confab.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The floor and Confab side by side: the median of each headline figure over the runs, and
 * Confab's value divided by the floor's.
 *
 * @param higherIsBetter per headline figure
 */
public record Comparison(String workload, int runs, Map<String, Boolean> higherIsBetter, Map<String, double[]> medians) {

    /** {@code medians} values: floor median, Confab median, ratio (NaN when not computable). */
    public static Comparison of(String workload, Map<String, Boolean> headline, List<RunResult> floor, List<RunResult> confab) {
        Map<String, double[]> medians = new LinkedHashMap<>();
        headline.keySet().forEach(key -> {
            double f = median(floor, key);
            double c = median(confab, key);
            double ratio = Double.isNaN(f) || Double.isNaN(c) || f == 0 ? Double.NaN : c / f;
            medians.put(key, new double[] {f, c, ratio});
        });
        return new Comparison(workload, Math.min(floor.size(), confab.size()), headline, medians);
    }

    public static double median(List<RunResult> runs, String key) {
        double[] values = runs.stream().map(r -> r.figures().number(key)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    public String keyValueLine() {
        StringBuilder line = new StringBuilder("compare workload=").append(workload).append(" runs=").append(runs);
        medians.forEach((key, v) -> line.append(' ').append(key).append("_floor=").append(fmt(v[0]))
                .append(' ').append(key).append("_confab=").append(fmt(v[1]))
                .append(' ').append(key).append("_ratio=").append(fmt(v[2])));
        return line.toString();
    }

    public String summary() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-28s %14s %14s %8s", "median of " + runs + " runs", "floor", "confab", "ratio"));
        medians.forEach((key, v) -> rows.add(String.format(Locale.ROOT, "%-28s %14s %14s %8s%s", key, fmt(v[0]), fmt(v[1]),
                fmt(v[2]), higherIsBetter.get(key) ? "" : "  (lower is better)")));
        return String.join("\n", rows) + "\n";
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : Figures.format(v);
    }
}
