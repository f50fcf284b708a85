package org.confab.binary;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/** Measures the heap a piece of code allocates on this thread, to catch allocation from unchecked lengths. */
final class AllocatedBytes {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocatedBytes() {
    }

    /**
     * Runs {@code code} twice and returns what the second run allocated: the first pays for one-time
     * class initialisation and lambda linkage. {@code code} must therefore start from fresh state.
     */
    static long ofSecondRun(Runnable code) {
        Assumptions.assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        code.run();
        long threadId = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(threadId);
        code.run();
        return THREADS.getThreadAllocatedBytes(threadId) - before;
    }
}
