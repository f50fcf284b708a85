package org.confab.server.runtime;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.IoFutureListener;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;

/**
 * A connection's outbound bytes, coalesced: at most one write is in flight; whatever is queued
 * while it is goes out as one buffer when it completes. A lone line is written at once, so no
 * latency is added, while a busy connection costs one socket write per batch instead of one per
 * line.
 */
public final class Outbox {

    private static final int PENDING_CAPACITY = 8192;

    private final IoSession io;
    private final IoFutureListener<WriteFuture> onWritten = future -> written();
    private IoBuffer pending;
    private boolean inFlight;
    private boolean closeWhenDrained;

    public Outbox(IoSession io) {
        this.io = io;
    }

    /** Queues bytes for the client; never blocks. */
    public void send(IoBuffer bytes) {
        synchronized (this) {
            if (inFlight) {
                if (pending == null) {
                    // Sized for a burst of lines, so that a busy connection rarely grows it.
                    pending = IoBuffer.allocate(Math.max(PENDING_CAPACITY, bytes.remaining() * 2)).setAutoExpand(true);
                }
                pending.put(bytes);
                return;
            }
            inFlight = true;
        }
        io.write(bytes).addListener(onWritten);
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
        IoBuffer next;
        synchronized (this) {
            if (pending == null) {
                inFlight = false;
                if (closeWhenDrained) {
                    io.closeOnFlush();
                }
                return;
            }
            next = pending.flip();
            pending = null;
        }
        io.write(next).addListener(onWritten);
    }
}
