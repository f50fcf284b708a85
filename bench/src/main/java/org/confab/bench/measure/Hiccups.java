package org.confab.bench.measure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How late a thread that sleeps 1 ms at a time wakes up: the scheduling delay any thread on this
 * machine suffers, the generator's and the server's alike. When it is of the order of a latency
 * figure, that figure is the machine's rather than the server's.
 */
public final class Hiccups implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Recorder recorder = new Recorder(1, Latency.MAX_MICROS, 3);
    private final Thread thread;
    private volatile boolean running = true;

    public Hiccups() {
        thread = new Thread(this::run, "bench-hiccups");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lateness in microseconds since the previous call (since the start for the first). */
    public Histogram sinceLastCall() {
        return recorder.getIntervalHistogram();
    }

    private void run() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long late = System.nanoTime() - before - PERIOD_NANOS;
            recorder.recordValue(Math.min(Latency.MAX_MICROS, Math.max(1, late / 1000)));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
