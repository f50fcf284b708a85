package org.confab.bench.measure;

import org.HdrHistogram.Histogram;

/**
 * What the receivers of one loop saw. Written only by that loop's thread; the running count is
 * published through a volatile so the workload can watch progress without locks.
 */
public final class Tally {

    private final Histogram latencyMicros = Latency.newHistogram();
    private long delivered;
    private long duplicates;
    private long stray;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos;
    private volatile long published;

    /** A first copy of a message, {@code latencyNanos} after it was sent. */
    public void delivered(long nowNanos, long latencyNanos) {
        delivered++;
        latencyMicros.recordValue(Math.min(Latency.MAX_MICROS, Math.max(0, latencyNanos / 1_000)));
        firstNanos = Math.min(firstNanos, nowNanos);
        lastNanos = Math.max(lastNanos, nowNanos);
        published = delivered;
    }

    public void duplicate() {
        duplicates++;
    }

    /** A message this receiver should never have had (another room's). */
    public void stray() {
        stray++;
    }

    public long deliveredSoFar() {
        return published;
    }

    public Histogram latency() {
        return latencyMicros;
    }

    public long delivered() {
        return delivered;
    }

    public long duplicates() {
        return duplicates;
    }

    public long strays() {
        return stray;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }
}
