package org.confab.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One self-contained HTML page (inline SVG, no script, nothing fetched): per workload a latency
 * distribution chart with every run, a table of every run's figures, and any comparisons.
 */
public final class HtmlReport {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int PAD = 56;
    /** The chart's x axis ends at the 99.999th percentile. */
    private static final double MAX_NINES = 5;

    private HtmlReport() {
    }

    public static void write(Path file, List<RunResult> runs, List<Comparison> comparisons) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(runs, comparisons));
    }

    public static String render(List<RunResult> runs, List<Comparison> comparisons) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Confab benchmark</title>
                <style>
                body{font-family:sans-serif;margin:2em;color:#222}
                table{border-collapse:collapse;margin:1em 0;font-size:13px}
                td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
                th{background:#f3f3f3} td:first-child,th:first-child{text-align:left}
                .warn{color:#a40000} svg{background:#fff;border:1px solid #ddd}
                </style></head><body>
                <h1>Confab benchmark</h1>
                """);
        for (Comparison c : comparisons) {
            html.append(comparisonTable(c));
        }
        Map<String, List<RunResult>> byWorkload = new LinkedHashMap<>();
        runs.forEach(r -> byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r));
        byWorkload.forEach((workload, list) -> {
            html.append("<h2>").append(escape(workload)).append("</h2>\n");
            html.append(chart(list));
            html.append(runTable(list));
        });
        return html.append("</body></html>\n").toString();
    }

    private static String comparisonTable(Comparison c) {
        StringBuilder t = new StringBuilder("<h2>compare ").append(escape(c.workload())).append(": median of ")
                .append(c.runs()).append(" runs</h2>\n<table><tr><th>figure</th><th>floor</th><th>confab</th><th>confab / floor</th></tr>\n");
        c.medians().forEach((key, v) -> t.append("<tr><td>").append(escape(key))
                .append(c.higherIsBetter().get(key) ? "" : " (lower is better)").append("</td><td>").append(num(v[0]))
                .append("</td><td>").append(num(v[1])).append("</td><td>").append(num(v[2])).append("</td></tr>\n"));
        return t.append("</table>\n").toString();
    }

    private static String runTable(List<RunResult> runs) {
        List<String> keys = new ArrayList<>();
        runs.forEach(r -> r.figures().asMap().keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        StringBuilder t = new StringBuilder("<table><tr><th>figure</th>");
        for (int i = 0; i < runs.size(); i++) {
            t.append("<th>").append(i + 1).append(": ").append(escape(runs.get(i).target())).append("</th>");
        }
        t.append("</tr>\n");
        for (String key : keys) {
            t.append("<tr><td>").append(escape(key)).append("</td>");
            for (RunResult r : runs) {
                String v = r.figures().text(key);
                t.append("<td>").append(v == null ? "" : escape(v)).append("</td>");
            }
            t.append("</tr>\n");
        }
        t.append("</table>\n");
        for (int i = 0; i < runs.size(); i++) {
            for (String w : runs.get(i).warnings()) {
                t.append("<p class=\"warn\">run ").append(i + 1).append(": ").append(escape(w)).append("</p>\n");
            }
        }
        return t.toString();
    }

    /** Latency against percentile, both on log scales: the tail is what matters. */
    static String chart(List<RunResult> runs) {
        long maxValue = 1;
        for (RunResult r : runs) {
            maxValue = Math.max(maxValue, r.latency().getMaxValue());
        }
        double yMaxLog = Math.max(1, Math.ceil(Math.log10(maxValue)));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">%n",
                WIDTH, HEIGHT + 20 * runs.size()));
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            double x = x(nines);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, PAD / 2, x, HEIGHT - PAD, x, HEIGHT - PAD + 16, percentileLabel(nines)));
        }
        for (int decade = 0; decade <= yMaxLog; decade++) {
            double y = y(decade, yMaxLog);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    PAD, y, WIDTH - PAD / 2, y, PAD - 4, y + 4, micros((long) Math.pow(10, decade))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                WIDTH / 2, HEIGHT - PAD + 34));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">latency</text>%n",
                HEIGHT / 2, HEIGHT / 2));
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            String color = COLORS[i % COLORS.length];
            if (r.latency().getTotalCount() > 0) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                        .append(points(r.latency(), yMaxLog)).append("\"/>\n");
            }
            int ly = HEIGHT + 20 * i;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%d: %s, %s</text>%n", PAD, ly - 4, color, PAD + 20, ly,
                    i + 1, escape(r.target()), escape(legend(r))));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String points(Histogram h, double yMaxLog) {
        StringBuilder p = new StringBuilder();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double percentile = v.getPercentileLevelIteratedTo();
            double nines = percentile >= 100 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(100 / (100 - percentile)));
            double value = Math.max(1, h.highestEquivalentValue(v.getValueIteratedTo()));
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(nines), y(Math.log10(value), yMaxLog)));
            if (nines >= MAX_NINES) {
                break;
            }
        }
        return p.toString().trim();
    }

    private static String legend(RunResult r) {
        Histogram h = r.latency();
        if (h.getTotalCount() == 0) {
            return "no latency recorded";
        }
        return String.format(Locale.ROOT, "p50 %s, p99 %s, max %s, %d samples", micros(h.getValueAtPercentile(50)),
                micros(h.getValueAtPercentile(99)), micros(h.getMaxValue()), h.getTotalCount());
    }

    private static double x(double nines) {
        return PAD + nines / MAX_NINES * (WIDTH - 1.5 * PAD);
    }

    private static double y(double log10Micros, double yMaxLog) {
        return HEIGHT - PAD - log10Micros / yMaxLog * (HEIGHT - 1.5 * PAD);
    }

    static String percentileLabel(int nines) {
        return switch (nines) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99." + "9".repeat(nines - 2) + "%";
        };
    }

    static String micros(long us) {
        if (us >= 1_000_000) {
            return Figures.format(us / 1e6) + " s";
        }
        return us >= 1_000 ? Figures.format(us / 1e3) + " ms" : us + " µs";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : Figures.format(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
