package org.confab.server.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.IoFutureListener;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;

/**
 * A connection's outbound bytes, coalesced: at most one write is in flight; whatever is queued
 * while it is goes out as one buffer when it completes. A lone line is written at once, so no
 * latency is added, while a busy connection costs one socket write per batch instead of one per
 * line (and, over TLS, one record per 16 KiB of a batch instead of one per line).
 */
public final class Outbox {

    private static final int PENDING_LINES = 4;

    private final IoSession io;
    private final IoFutureListener<WriteFuture> onWritten = future -> written();
    private IoBuffer pending;
    // Who waits for the bytes in `pending` to be written; usually nobody.
    private List<CompletableFuture<Boolean>> pendingConfirmations;
    private boolean inFlight;
    private boolean closeWhenDrained;

    public Outbox(IoSession io) {
        this.io = io;
    }

    /** Queues bytes for the client; never blocks. */
    public void send(IoBuffer bytes) {
        send(bytes, null);
    }

    /**
     * Queues bytes and completes with true once the connection has taken them, false if it closed
     * first: what a message kept for an offline account needs before it may be forgotten.
     */
    public CompletableFuture<Boolean> sendConfirmed(IoBuffer bytes) {
        CompletableFuture<Boolean> taken = new CompletableFuture<>();
        send(bytes, taken);
        return taken;
    }

    private void send(IoBuffer bytes, CompletableFuture<Boolean> taken) {
        synchronized (this) {
            if (inFlight) {
                if (taken != null) {
                    if (pendingConfirmations == null) {
                        pendingConfirmations = new ArrayList<>(2);
                    }
                    pendingConfirmations.add(taken);
                }
                if (pending == null) {
                    // Sized for a few lines: at a steady pace a batch is one or two lines, and an
                    // 8 KiB buffer for each was most of what a fan-out allocated; a burst doubles it.
                    pending = IoBuffer.allocate(bytes.remaining() * PENDING_LINES).setAutoExpand(true);
                }
                pending.put(bytes);
                return;
            }
            inFlight = true;
        }
        write(bytes, taken == null ? null : List.of(taken));
    }

    private void write(IoBuffer bytes, List<CompletableFuture<Boolean>> confirmations) {
        WriteFuture future = io.write(bytes);
        if (confirmations != null) {
            future.addListener(f -> confirmations.forEach(c -> c.complete(((WriteFuture) f).isWritten())));
        }
        future.addListener(onWritten);
    }

    /** Closes the connection once everything queued so far has been written. */
    public void closeWhenWritten() {
        synchronized (this) {
            if (inFlight) {
                closeWhenDrained = true;
                return;
            }
        }
        io.closeOnFlush();
    }

    /** Bytes accepted but not yet written to the socket. */
    public long backlog() {
        long queued;
        synchronized (this) {
            queued = pending == null ? 0 : pending.position();
        }
        return queued + io.getScheduledWriteBytes();
    }

    private void written() {
        IoBuffer next = null;
        List<CompletableFuture<Boolean>> confirmations = null;
        synchronized (this) {
            if (pending == null) {
                inFlight = false;
                if (!closeWhenDrained) {
                    return;
                }
            } else {
                next = pending.flip();
                pending = null;
                confirmations = pendingConfirmations;
                pendingConfirmations = null;
            }
        }
        // Outside this outbox's lock, as every write is.
        if (next == null) {
            io.closeOnFlush();
        } else {
            write(next, confirmations);
        }
    }
}
