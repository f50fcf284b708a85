package org.confab.bench.work;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Hiccups;
import org.confab.bench.net.Loop;
import org.confab.bench.target.ProcessStats;

/**
 * The load generator's event loops, and the means to tell afterwards whether the generator
 * rather than the server was the limit: its loops' and its process's CPU over the run, and how
 * late the machine woke up a sleeping thread.
 */
public final class Generator implements AutoCloseable {

    /** A loop busier than this for a whole run was probably what the run measured. */
    private static final double SATURATED = 0.90;
    /** Other processes using more than this many cores disturb a run on a 2-core machine. */
    private static final double OTHERS_DISTURB = 0.25;
    /** Waking up later than this at p99 is of the order of the latencies measured. */
    private static final long HICCUP_DISTURBS_MICROS = 1000;

    private final List<Loop> loops = new ArrayList<>();
    private final Hiccups hiccups = new Hiccups();

    public Generator(int threads) {
        for (int i = 0; i < threads; i++) {
            loops.add(new Loop("bench-io-" + (i + 1)));
        }
    }

    public int size() {
        return loops.size();
    }

    public Loop loop(int index) {
        return loops.get(index % loops.size());
    }

    public List<Loop> loops() {
        return loops;
    }

    /**
     * A point in time to measure CPU use from; {@code machineCpuNanos} is every process's and
     * {@code serverCpuNanos} the server's, -1 if unknown; {@code hiccups} those since the previous mark.
     */
    public record Mark(long wallNanos, long processCpuNanos, long[] loopCpuNanos, long machineCpuNanos, long serverCpuNanos,
            Histogram hiccups) {
    }

    /** @param serverPid the server's process, -1 when unknown */
    public Mark mark(long serverPid) {
        long server = serverPid > 0 ? ProcessStats.cpuNanos(serverPid).orElse(-1) : -1;
        long[] cpu = loops.stream().mapToLong(Loop::cpuNanos).toArray();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Mark(System.nanoTime(), os.getProcessCpuTime(), cpu, ProcessStats.machineCpuNanos().orElse(-1), server,
                hiccups.sinceLastCall());
    }

    /**
     * Adds other_cpu: the cores that processes other than the generator and the server used
     * during the run (the machine is shared), and warns when they took a good part of it.
     */
    private static void reportMachine(Mark from, Mark to, long serverCpuNanos, Figures figures, List<String> warnings) {
        if (from.machineCpuNanos() < 0 || to.machineCpuNanos() < 0) {
            return;
        }
        double wall = Math.max(1, to.wallNanos() - from.wallNanos());
        double others = (to.machineCpuNanos() - from.machineCpuNanos() - (to.processCpuNanos() - from.processCpuNanos())
                - serverCpuNanos) / wall;
        figures.put("other_cpu", Math.max(0, others));
        if (others > OTHERS_DISTURB) {
            warnings.add(String.format(Locale.ROOT,
                    "machine: other processes used %.2f cores during the run; the figures are disturbed", others));
        }
    }

    /**
     * Adds gen_cpu (cores used), gen_loop_busy (busiest loop) and hiccup_p99_us, hiccup_max_us (how
     * late a thread sleeping 1 ms woke up between the marks), and warns when a loop was saturated or
     * the machine's hiccups were of the order of the latencies measured; with the server's CPU
     * known, server_cpu_s and other_cpu too.
     */
    public void report(Mark from, Mark to, Figures figures, List<String> warnings) {
        double wall = Math.max(1, to.wallNanos() - from.wallNanos());
        double busiest = 0;
        for (int i = 0; i < from.loopCpuNanos().length; i++) {
            busiest = Math.max(busiest, (to.loopCpuNanos()[i] - from.loopCpuNanos()[i]) / wall);
        }
        double cores = (to.processCpuNanos() - from.processCpuNanos()) / wall;
        figures.put("gen_cpu", cores).put("gen_loop_busy", busiest);
        if (busiest > SATURATED) {
            warnings.add(String.format(Locale.ROOT,
                    "generator CPU: its busiest loop was on CPU %.0f%% of the run; the figures may be the generator's limit (try --threads)",
                    busiest * 100));
        }
        long hiccupP99 = to.hiccups().getValueAtPercentile(99);
        figures.put("hiccup_p99_us", hiccupP99).put("hiccup_max_us", to.hiccups().getMaxValue());
        if (hiccupP99 > HICCUP_DISTURBS_MICROS) {
            warnings.add(String.format(Locale.ROOT,
                    "machine: a thread sleeping 1 ms woke up %.1f ms late at p99 (%.1f ms at most); latencies of that order are the machine's scheduling, not the server's",
                    hiccupP99 / 1000.0, to.hiccups().getMaxValue() / 1000.0));
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cores > SATURATED * cpus) {
            warnings.add(String.format(Locale.ROOT, "generator CPU: the generator used %.2f of %d cores", cores, cpus));
        }
        if (from.serverCpuNanos() >= 0 && to.serverCpuNanos() >= 0) {
            long server = to.serverCpuNanos() - from.serverCpuNanos();
            figures.put("server_cpu_s", server / 1e9);
            reportMachine(from, to, server, figures, warnings);
        }
    }

    @Override
    public void close() {
        hiccups.close();
        loops.forEach(Loop::close);
    }
}
