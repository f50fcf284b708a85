package org.confab.bench.work;

import java.util.OptionalLong;
import org.confab.bench.measure.Figures;
import org.confab.bench.target.ProcessStats;
import org.confab.bench.target.Target;

/**
 * The server's memory at one moment: live heap after a full GC (with bytes per class), resident
 * memory and open files; -1 (and no classes) for what could not be read.
 *
 * @param rssBeforeGcBytes what the server held before the measurement forced a collection
 */
record ServerMemory(long heapBytes, long rssBytes, long rssBeforeGcBytes, long openFiles, ProcessStats.LiveHeap heap) {

    private static final long RSS_QUIET_MILLIS = 2000;
    private static final long RSS_SETTLE_MAX_MILLIS = 30_000;

    /** Forces a full GC in the server: seconds on a big heap, and a pause for its clients. */
    static ServerMemory of(Target target) {
        if (!target.hasPid()) {
            return new ServerMemory(-1, -1, -1, -1, null);
        }
        long before = ProcessStats.rssBytes(target.pid()).orElse(-1);
        // The histogram forces the full GC first, so RSS is read after it.
        ProcessStats.LiveHeap heap = ProcessStats.liveHeap(target.pid());
        OptionalLong rss = ProcessStats.rssBytes(target.pid());
        return new ServerMemory(heap.bytes(), rss.orElse(-1), before, ProcessStats.openFiles(target.pid()).orElse(-1), heap);
    }

    /**
     * Like {@link #of}, but reads RSS only once it has stopped falling: G1 gives the heap the
     * collection freed back to the OS over the next seconds, and a read straight after the GC
     * counts memory the server no longer holds.
     */
    static ServerMemory settled(Target target) throws InterruptedException {
        ServerMemory m = of(target);
        if (m.rssBytes < 0) {
            return m;
        }
        OptionalLong rss = ProcessStats.settledRssBytes(target.pid(), RSS_QUIET_MILLIS, RSS_SETTLE_MAX_MILLIS);
        return new ServerMemory(m.heapBytes, rss.orElse(-1), m.rssBeforeGcBytes, m.openFiles, m.heap);
    }

    void report(String prefix, Figures f) {
        if (heapBytes > 0) {
            f.put(prefix + "heap_bytes", heapBytes);
        }
        if (rssBytes > 0) {
            f.put(prefix + "rss_bytes", rssBytes);
        }
        if (rssBeforeGcBytes > 0) {
            f.put(prefix + "rss_before_gc_bytes", rssBeforeGcBytes);
        }
        if (openFiles > 0) {
            f.put(prefix + "server_open_files", openFiles);
        }
    }
}
