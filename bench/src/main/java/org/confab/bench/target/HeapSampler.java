package org.confab.bench.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Samples another JVM's heap use with {@code jstat -gc PID 200} while something runs: the heap in
 * use when sampling started and the most seen since (garbage not yet collected included).
 */
public final class HeapSampler implements AutoCloseable {

    private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    private final Process process;
    private final Thread reader;
    private volatile long firstBytes = -1;
    private volatile long peakBytes = -1;
    private final CountDownLatch sampled = new CountDownLatch(1);

    public HeapSampler(long pid) throws IOException {
        process = new ProcessBuilder(Jdk.tool("jstat"), "-gc", Long.toString(pid), "200").redirectErrorStream(true).start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.trim().split("\\s+");
                if (header == null) {
                    header = List.of(cells);
                    continue;
                }
                double kb = 0;
                for (String column : USED_COLUMNS) {
                    int at = header.indexOf(column);
                    if (at >= 0 && at < cells.length) {
                        kb += Double.parseDouble(cells[at]);
                    }
                }
                long bytes = (long) (kb * 1024);
                if (firstBytes < 0) {
                    firstBytes = bytes;
                }
                peakBytes = Math.max(peakBytes, bytes);
                sampled.countDown();
            }
        } catch (IOException | NumberFormatException e) {
            // jstat went away or printed something else; keep what was sampled.
        }
    }

    /** Waits until jstat, which takes a while to attach, has reported once; false if it has not in time. */
    public boolean awaitFirstSample(long timeout, TimeUnit unit) throws InterruptedException {
        return sampled.await(timeout, unit);
    }

    /** -1 when nothing was sampled. */
    public long firstBytes() {
        return firstBytes;
    }

    public long peakBytes() {
        return peakBytes;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
