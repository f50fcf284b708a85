package org.confab.bench.measure;

import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds: three significant digits up to ten minutes. */
public final class Latency {

    public static final long MAX_MICROS = 600_000_000L;

    private Latency() {
    }

    public static Histogram newHistogram() {
        return new Histogram(1, MAX_MICROS, 3);
    }

    /** The figures every latency report carries, keyed as in the key=value line. */
    public static void figures(Histogram h, String prefix, Figures out) {
        if (h.getTotalCount() == 0) {
            return;
        }
        out.put(prefix + "p50_us", h.getValueAtPercentile(50));
        out.put(prefix + "p90_us", h.getValueAtPercentile(90));
        out.put(prefix + "p99_us", h.getValueAtPercentile(99));
        out.put(prefix + "p999_us", h.getValueAtPercentile(99.9));
        out.put(prefix + "max_us", h.getMaxValue());
    }
}
