package org.confab.bench.work;

import java.util.List;
import org.confab.bench.measure.Figures;

/**
 * The CPU that the server, the generator and the rest of the machine used over the measured part
 * of a run: opened when the load starts, closed when it is over.
 */
final class CpuWindow {

    private final RunContext context;
    private final Generator.Mark before;
    private Generator.Mark after;

    private CpuWindow(RunContext context) {
        this.context = context;
        this.before = context.mark();
    }

    static CpuWindow open(RunContext context) {
        return new CpuWindow(context);
    }

    void close() {
        after = context.mark();
    }

    /** Adds the generator's, the server's and the machine's figures, and the server's CPU per delivery when {@code delivered} > 0. */
    void report(long delivered, Figures f, List<String> warnings) {
        context.generator().report(before, after, f, warnings);
        if (delivered > 0) {
            f.number("server_cpu_s").ifPresent(cpu -> f.put("server_cpu_us_per_delivery", cpu * 1e6 / delivered));
        }
    }
}
