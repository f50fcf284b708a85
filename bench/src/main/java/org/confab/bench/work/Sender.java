package org.confab.bench.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.confab.bench.dm.Payload;
import org.confab.bench.measure.Figures;

/**
 * Sends one client's share of the messages, on its loop: as fast as the socket takes them
 * (flood), or on a fixed schedule. Each message is stamped when it is written, so a late
 * schedule never hides in the latency; lateness is reported separately.
 */
final class Sender {

    /** Flood messages per turn of the loop, so that receivers on the same loop are read in between. */
    private static final int FLOOD_BATCH = 64;

    private final Outlet client;
    private final long firstId;
    private final int count;
    private final long intervalNanos;
    private volatile int sent;
    private long startNanos;
    private volatile long maxLagNanos;
    private volatile long maxBacklogBytes;
    private volatile long lastSentNanos;

    /** {@code intervalNanos} 0 floods. */
    Sender(Outlet client, long firstId, int count, long intervalNanos) {
        this.client = client;
        this.firstId = firstId;
        this.count = count;
        this.intervalNanos = intervalNanos;
    }

    /** On the client's loop. */
    void start(long atNanos) {
        startNanos = atNanos;
        if (intervalNanos == 0) {
            client.onDrained(this::flood);
            client.conn().loop().schedule(atNanos, this::flood);
        } else {
            client.conn().loop().schedule(atNanos, this::paced);
        }
    }

    boolean done() {
        return sent == count;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    long maxLagNanos() {
        return maxLagNanos;
    }

    long maxBacklogBytes() {
        return maxBacklogBytes;
    }

    private void flood() {
        if (sent == count || client.conn().isClosed() || client.conn().queuedBytes() > 0) {
            // A full socket: drained() calls back when it empties.
            return;
        }
        int n = Math.min(FLOOD_BATCH, count - sent);
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(Payload.text(firstId + sent++, System.nanoTime()));
        }
        client.send(lines);
        lastSentNanos = System.nanoTime();
        noteBacklog();
        if (sent < count) {
            client.conn().loop().execute(this::flood);
        }
    }

    private void paced() {
        if (client.conn().isClosed()) {
            return;
        }
        long now = System.nanoTime();
        long due = startNanos + sent * intervalNanos;
        maxLagNanos = Math.max(maxLagNanos, now - due);
        List<String> lines = new ArrayList<>(1);
        while (sent < count && startNanos + sent * intervalNanos <= now) {
            lines.add(Payload.text(firstId + sent++, System.nanoTime()));
        }
        client.send(lines);
        lastSentNanos = System.nanoTime();
        noteBacklog();
        if (sent < count) {
            client.conn().loop().schedule(startNanos + sent * intervalNanos, this::paced);
        }
    }

    private void noteBacklog() {
        maxBacklogBytes = Math.max(maxBacklogBytes, client.conn().queuedBytes());
    }

    /**
     * Adds send_backlog_max_bytes and, for paced senders, send_lag_max_ms; warns when the
     * generator did not keep the pace.
     */
    static void report(List<Sender> senders, boolean paced, Figures f, List<String> warnings) {
        long backlog = senders.stream().mapToLong(Sender::maxBacklogBytes).max().orElse(0);
        f.put("send_backlog_max_bytes", backlog);
        if (paced) {
            double lagMs = senders.stream().mapToLong(Sender::maxLagNanos).max().orElse(0) / 1e6;
            f.put("send_lag_max_ms", lagMs);
            if (lagMs > 5) {
                warnings.add(String.format(Locale.ROOT,
                        "send backlog: a paced sender fell %.1f ms behind its schedule; the generator did not keep the rate", lagMs));
            }
            if (backlog > 64 * 1024) {
                warnings.add("send backlog: " + backlog + " bytes waited in the generator for the server to read them");
            }
        }
    }
}
