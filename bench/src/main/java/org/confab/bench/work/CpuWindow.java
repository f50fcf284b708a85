package org.confab.bench.work;

import java.util.List;
import org.confab.bench.measure.Figures;
import org.confab.bench.target.ProcessStats;

/**
 * The CPU that the server, the generator and the rest of the machine used over the measured part
 * of a run: opened when the load starts, closed when it is over.
 */
final class CpuWindow {

    private final RunContext context;
    private final long serverBefore;
    private final Generator.Mark before;
    private long serverAfter = -1;
    private Generator.Mark after;

    private CpuWindow(RunContext context) {
        this.context = context;
        this.serverBefore = serverCpu(context);
        this.before = context.generator().mark();
    }

    static CpuWindow open(RunContext context) {
        return new CpuWindow(context);
    }

    void close() {
        after = context.generator().mark();
        serverAfter = serverCpu(context);
    }

    /** Adds server_cpu_s (and per delivery when {@code delivered} > 0), the generator's and the machine's figures. */
    void report(long delivered, Figures f, List<String> warnings) {
        long serverNanos = serverBefore >= 0 && serverAfter >= 0 ? serverAfter - serverBefore : -1;
        if (serverNanos >= 0) {
            f.put("server_cpu_s", serverNanos / 1e9);
            if (delivered > 0) {
                f.put("server_cpu_us_per_delivery", serverNanos / 1e3 / delivered);
            }
        }
        context.generator().report(before, after, f, warnings);
        context.generator().reportMachine(before, after, serverNanos, f, warnings);
    }

    private static long serverCpu(RunContext context) {
        return context.target().hasPid() ? ProcessStats.cpuNanos(context.target().pid()).orElse(-1) : -1;
    }
}
