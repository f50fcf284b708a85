package org.confab.bench.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** What Linux and the JDK's tools tell about another process. */
public final class ProcessStats {

    /** Clock ticks per second in /proc/PID/stat; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** Resident memory in bytes from /proc/PID/status (VmRSS). */
    public static OptionalLong rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No such process, or not Linux.
        }
        return OptionalLong.empty();
    }

    /**
     * Resident memory once it has stopped falling: after a collection the JVM returns freed heap
     * to the OS in the background, over a second or more, so a single reading depends on when it
     * is taken. Waits until a {@code quietMillis} window shows no fall of more than 1 MiB, at
     * most {@code maxMillis}.
     */
    public static OptionalLong settledRssBytes(long pid, long quietMillis, long maxMillis) throws InterruptedException {
        long step = 200;
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        OptionalLong last = rssBytes(pid);
        long quietSince = System.nanoTime();
        while (last.isPresent() && System.nanoTime() < deadline
                && System.nanoTime() - quietSince < quietMillis * 1_000_000) {
            Thread.sleep(step);
            OptionalLong now = rssBytes(pid);
            if (now.isEmpty()) {
                return last;
            }
            if (now.getAsLong() < last.getAsLong() - (1 << 20)) {
                quietSince = System.nanoTime();
                last = now;
            } else if (now.getAsLong() < last.getAsLong()) {
                last = now;
            }
        }
        return last;
    }

    /** User plus system CPU time in nanoseconds from /proc/PID/stat. */
    public static OptionalLong cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may contain spaces; fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * 1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU time every process on the machine has used since boot (user, nice, system, irq, softirq, steal), from /proc/stat. */
    public static OptionalLong machineCpuNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(f[i]);
            }
            return OptionalLong.of(ticks * 1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Open file descriptors of the process. */
    public static OptionalLong openFiles(long pid) {
        try (var files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return OptionalLong.of(files.count());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Live heap after a full GC: {@code jcmd PID GC.class_histogram} collects first and then
     * counts what survived, so its total is exactly the live heap; also bytes per class.
     */
    public static LiveHeap liveHeap(long pid) {
        List<String> out = Jdk.run(List.of(Jdk.tool("jcmd"), Long.toString(pid), "GC.class_histogram"), 120, TimeUnit.SECONDS);
        long total = -1;
        Map<String, long[]> classes = new HashMap<>();
        for (String line : out) {
            String t = line.trim();
            String[] f = t.split("\\s+");
            if (t.startsWith("Total") && f.length >= 3) {
                total = Long.parseLong(f[2]);
            } else if (t.matches("\\d+:\\s+\\d+\\s+\\d+\\s+.*")) {
                classes.put(f[3], new long[] {Long.parseLong(f[2]), Long.parseLong(f[1])});
            }
        }
        return new LiveHeap(total, classes);
    }

    /**
     * @param bytes -1 when jcmd could not attach
     * @param classes per class name: bytes and instances
     */
    public record LiveHeap(long bytes, Map<String, long[]> classes) {

        /** The classes that grew most from {@code before} to this, per unit (e.g. per session). */
        public String growthTable(LiveHeap before, long units, int rows) {
            StringBuilder table = new StringBuilder();
            classes.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {
                            e.getValue()[0] - before.classes.getOrDefault(e.getKey(), new long[2])[0],
                            e.getValue()[1] - before.classes.getOrDefault(e.getKey(), new long[2])[1]}))
                    .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]))
                    .limit(rows)
                    .forEach(e -> table.append(String.format(Locale.ROOT, "%10.1f B %8.2f x  %s%n",
                            (double) e.getValue()[0] / units, (double) e.getValue()[1] / units, e.getKey())));
            return table.toString();
        }
    }
}
