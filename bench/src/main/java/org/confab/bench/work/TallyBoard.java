package org.confab.bench.work;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.Tally;

/** One {@link Tally} per generator loop: watched while a run goes, added up when it is over. */
final class TallyBoard {

    /** After the last message was sent, this long without a new delivery ends the wait. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Generator generator;
    private final Tally[] tallies;

    TallyBoard(Generator generator) {
        this.generator = generator;
        this.tallies = new Tally[generator.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
    }

    /** The tally of the loop client {@code i} runs on. */
    Tally forClient(int i) {
        return tallies[i % tallies.length];
    }

    /** First copies counted so far, read from any thread. */
    long deliveredSoFar() {
        long count = 0;
        for (Tally t : tallies) {
            count += t.deliveredSoFar();
        }
        return count;
    }

    /** Waits until {@code expected} deliveries, a quiet spell after the last send, or the run's timeout. */
    void await(long expected, List<Sender> senders, RunContext context) throws InterruptedException {
        long deadline = context.deadlineNanos();
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long count = deliveredSoFar();
            if (count >= expected) {
                return;
            }
            long now = System.nanoTime();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            } else if (senders.stream().allMatch(Sender::done) && now - lastProgress > QUIET_NANOS) {
                return;
            }
            Thread.sleep(2);
        }
    }

    record Totals(long delivered, long duplicates, long stray, long lastNanos, Histogram latency) {

        /** Completeness, duplicates and rates over {@code seconds}, and the latency percentiles. */
        void report(long expected, long messages, double seconds, Figures f) {
            f.put("expected", expected).put("delivered", delivered).put("complete", (double) delivered / expected)
                    .put("duplicates", duplicates).put("stray", stray)
                    .put("elapsed_ms", seconds * 1000).put("deliveries_per_s", delivered / seconds)
                    .put("messages_per_s", messages / seconds);
            Latency.figures(latency, "", f);
        }

        /**
         * Puts a warning first when deliveries are missing, with the strays and duplicates: a message
         * counted for the wrong receiver shows there, not as a loss on the wire.
         */
        void warnIfIncomplete(long expected, List<String> warnings) {
            if (delivered < expected) {
                warnings.add(0, String.format(Locale.ROOT, "incomplete: %d of %d deliveries arrived (%d stray, %d duplicate)",
                        delivered, expected, stray, duplicates));
            }
        }
    }

    /** Reads each tally on its own loop, so that nothing is half-written. */
    Totals collect() throws Exception {
        Histogram latency = Latency.newHistogram();
        long delivered = 0;
        long dups = 0;
        long stray = 0;
        long last = 0;
        for (int i = 0; i < tallies.length; i++) {
            Tally t = tallies[i];
            CompletableFuture<long[]> read = new CompletableFuture<>();
            generator.loop(i).execute(() -> {
                synchronized (latency) {
                    latency.add(t.latency());
                }
                read.complete(new long[] {t.delivered(), t.duplicates(), t.strays(), t.lastNanos()});
            });
            long[] v = read.get(10, TimeUnit.SECONDS);
            delivered += v[0];
            dups += v[1];
            stray += v[2];
            last = Math.max(last, v[3]);
        }
        return new Totals(delivered, dups, stray, last, latency);
    }
}
