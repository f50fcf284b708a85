package org.confab.bench.work;

import java.util.OptionalLong;
import org.confab.bench.measure.Figures;
import org.confab.bench.target.ProcessStats;
import org.confab.bench.target.Target;

/**
 * The server's memory at one moment: live heap after a full GC (with bytes per class), resident
 * memory and open files; -1 (and no classes) for what could not be read.
 */
record ServerMemory(long heapBytes, long rssBytes, long openFiles, ProcessStats.LiveHeap heap) {

    /** Forces a full GC in the server: seconds on a big heap, and a pause for its clients. */
    static ServerMemory of(Target target) {
        if (!target.hasPid()) {
            return new ServerMemory(-1, -1, -1, null);
        }
        // The histogram forces the full GC first, so RSS is read after it.
        ProcessStats.LiveHeap heap = ProcessStats.liveHeap(target.pid());
        OptionalLong rss = ProcessStats.rssBytes(target.pid());
        return new ServerMemory(heap.bytes(), rss.orElse(-1), ProcessStats.openFiles(target.pid()).orElse(-1), heap);
    }

    void report(String prefix, Figures f) {
        if (heapBytes > 0) {
            f.put(prefix + "heap_bytes", heapBytes);
        }
        if (rssBytes > 0) {
            f.put(prefix + "rss_bytes", rssBytes);
        }
        if (openFiles > 0) {
            f.put(prefix + "server_open_files", openFiles);
        }
    }
}
