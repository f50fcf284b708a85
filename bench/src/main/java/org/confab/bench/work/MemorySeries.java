package org.confab.bench.work;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Trend;
import org.confab.bench.target.Target;

/**
 * The server's memory sampled over a long run, before the load, under it and after it, and
 * whether it grows under a steady load: the least-squares slope of the later half of the samples
 * under load, and the last of them over the first.
 */
final class MemorySeries {

    /** What the server was doing when a sample was taken. */
    enum Phase { IDLE, LOAD, DRAINED }

    /** Live heap growing more than this from the first to the last sample under load is worth a warning. */
    private static final double GROWTH_WORTH_A_WARNING = 1.10;

    private record Point(double seconds, Phase phase, ServerMemory memory) {
    }

    private final Target target;
    private final PrintStream out;
    private final List<Point> points = new ArrayList<>();
    /** Only the first and the latest sample under load keep their per-class figures: a long run takes many. */
    private ServerMemory firstLoaded;
    private ServerMemory lastLoaded;

    MemorySeries(Target target, PrintStream out) {
        this.target = target;
        this.out = out;
    }

    /** Forces a full GC in the server, records and prints what it holds; {@code seconds} since the load started. */
    void sample(double seconds, Phase phase, long delivered) {
        ServerMemory m = ServerMemory.of(target);
        points.add(new Point(seconds, phase, new ServerMemory(m.heapBytes(), m.rssBytes(), m.rssBeforeGcBytes(), m.openFiles(), null)));
        if (phase == Phase.LOAD) {
            if (firstLoaded == null) {
                firstLoaded = m;
            }
            lastLoaded = m;
        }
        out.printf(Locale.ROOT, "soak sample t_s=%.1f phase=%s heap_kb=%d rss_kb=%d open_files=%d delivered=%d%n",
                seconds, phase.name().toLowerCase(Locale.ROOT), kb(m.heapBytes()), kb(m.rssBytes()), m.openFiles(), delivered);
        out.flush();
    }

    void report(Figures f, List<String> warnings) {
        f.put("samples", points.size());
        List<Point> loaded = points.stream().filter(p -> p.phase() == Phase.LOAD).toList();
        points.stream().filter(p -> p.phase() == Phase.IDLE).findFirst()
                .ifPresent(p -> f.put("heap_idle_bytes", p.memory().heapBytes()));
        if (!loaded.isEmpty()) {
            ServerMemory first = loaded.get(0).memory();
            ServerMemory last = loaded.get(loaded.size() - 1).memory();
            f.put("heap_first_bytes", first.heapBytes()).put("heap_last_bytes", last.heapBytes());
            if (first.heapBytes() > 0 && last.heapBytes() > 0) {
                double ratio = (double) last.heapBytes() / first.heapBytes();
                f.put("heap_last_to_first", ratio);
                if (ratio > GROWTH_WORTH_A_WARNING) {
                    warnings.add(String.format(Locale.ROOT,
                            "heap: the live heap grew %.0f%% from the first to the last sample under load", (ratio - 1) * 100));
                }
            }
            putSlope("heap_slope_kb_per_min", loaded, ServerMemory::heapBytes, f);
            f.put("rss_first_bytes", first.rssBytes()).put("rss_last_bytes", last.rssBytes());
            putSlope("rss_slope_kb_per_min", loaded, ServerMemory::rssBytes, f);
            f.put("open_files_first", first.openFiles()).put("open_files_last", last.openFiles());
        }
        points.stream().filter(p -> p.phase() == Phase.DRAINED).findFirst()
                .ifPresent(p -> f.put("heap_drained_bytes", p.memory().heapBytes()));
        f.put("series_t_s", series(p -> Math.round(p.seconds())))
                .put("series_heap_kb", series(p -> kb(p.memory().heapBytes())))
                .put("series_rss_kb", series(p -> kb(p.memory().rssBytes())));
    }

    /** The classes whose live heap grew most from the first to the last sample under load; empty without two. */
    String growthTable(int rows) {
        if (firstLoaded == null || firstLoaded == lastLoaded || firstLoaded.heapBytes() <= 0 || lastLoaded.heapBytes() <= 0) {
            return "";
        }
        return lastLoaded.heap().growthTable(firstLoaded.heap(), 1, rows);
    }

    /** Over the later half of the samples under load (at least two), in KB per minute. */
    private static void putSlope(String key, List<Point> loaded, ToLongFunction<ServerMemory> bytes, Figures f) {
        List<Point> later = loaded.subList(Math.min(loaded.size() / 2, Math.max(0, loaded.size() - 2)), loaded.size());
        double[] minutes = later.stream().mapToDouble(p -> p.seconds() / 60).toArray();
        double[] kb = later.stream().mapToDouble(p -> bytes.applyAsLong(p.memory()) / 1024.0).toArray();
        double slope = Trend.slope(minutes, kb);
        if (!Double.isNaN(slope) && later.stream().allMatch(p -> bytes.applyAsLong(p.memory()) > 0)) {
            f.put(key, slope);
        }
    }

    private String series(ToLongFunction<Point> value) {
        return points.stream().map(p -> Long.toString(value.applyAsLong(p))).collect(Collectors.joining(","));
    }

    private static long kb(long bytes) {
        return bytes < 0 ? -1 : bytes / 1024;
    }
}
