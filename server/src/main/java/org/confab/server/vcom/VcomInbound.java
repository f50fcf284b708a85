package org.confab.server.vcom;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomPacket;
import org.confab.binary.VcomProtocolException;
import org.confab.server.runtime.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one vCom connection: the MINA-facing decoder. It buffers what the
 * connection delivers (never more than a limit), cuts whole packets out with {@link VcomDecoder},
 * and hands them over one at a time; while one is still being handled (a stage in flight) or
 * while reading is held (a file's receiver is backed up), it hands over nothing more and asks the
 * transport to stop reading. So it can stop between any two packets, which MINA's
 * {@code ProtocolCodecFilter} cannot: that decodes all of a read before handing anything on.
 *
 * <p>Any thread may call it; a packet is handled on whichever thread made it available, never
 * two of one connection at once. Nothing blocks.
 */
final class VcomInbound {

    /** What the connection does with the packets. */
    interface Consumer {
        /** Null when handled at once, or a stage that completes when the packet has been handled. */
        CompletionStage<?> packet(VcomPacket packet, long offset);

        /** The stream is broken ({@code packetId} -1 when unknown); nothing more will come. */
        void broken(int packetId, String reason);

        /** Called with true when nothing more can be handed over for now, false when it can again. */
        void readable(boolean paused);
    }

    private static final Logger log = LoggerFactory.getLogger(VcomInbound.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final VcomDecoder decoder;
    private final int maxBuffered;
    private final Consumer consumer;
    /** Unconsumed bytes, in read mode. */
    private ByteBuffer buffer = EMPTY;
    /** Stream offset of buffer's position: where the next packet starts. */
    private long offset;
    private boolean running;
    private boolean waiting;
    private boolean broken;
    private boolean paused;
    private final Set<Object> holds = new HashSet<>();

    VcomInbound(VcomDecoder decoder, int maxBuffered, Consumer consumer) {
        this.decoder = decoder;
        this.maxBuffered = maxBuffered;
        this.consumer = consumer;
    }

    /** Bytes as the connection delivered them; {@code bytes} is consumed. */
    void received(ByteBuffer bytes) {
        synchronized (this) {
            if (broken) {
                return;
            }
            if ((long) buffer.remaining() + bytes.remaining() > maxBuffered) {
                broken = true;
            } else {
                append(bytes);
            }
        }
        if (broken) {
            consumer.broken(packetIdAtFront(), "more than " + maxBuffered + " bytes buffered without a complete packet");
            return;
        }
        pump();
    }

    /** Stops handing over packets until every {@code cause} that held it has released it. */
    void hold(Object cause) {
        synchronized (this) {
            holds.add(cause);
            updatePause();
        }
    }

    void release(Object cause) {
        synchronized (this) {
            if (!holds.remove(cause)) {
                return;
            }
        }
        pump();
    }

    synchronized boolean held() {
        return !holds.isEmpty();
    }

    /** How many bytes the connection has delivered so far. */
    synchronized long received() {
        return offset + buffer.remaining();
    }

    private void pump() {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
        }
        while (true) {
            Taken next;
            try {
                next = take();
            } catch (VcomProtocolException e) {
                consumer.broken(e.packetId(), e.getMessage());
                return;
            }
            if (next == null) {
                return;
            }
            CompletionStage<?> stage;
            try {
                stage = consumer.packet(next.packet(), next.offset());
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            if (stage == null) {
                continue;
            }
            boolean waits = !stage.toCompletableFuture().isDone();
            if (waits) {
                synchronized (this) {
                    waiting = true;
                }
            }
            // If it completed meanwhile, this runs at once and the loop goes on.
            stage.whenComplete((result, error) -> {
                if (error != null) {
                    Workers.reportFailure(log, "Handling " + next.packet() + " failed", error);
                }
                if (waits) {
                    synchronized (this) {
                        waiting = false;
                    }
                    pump();
                }
            });
        }
    }

    private record Taken(VcomPacket packet, long offset) {
    }

    /** The next packet to hand over; null, and the pump stops, when there is none or it must wait. */
    private synchronized Taken take() {
        if (!broken && !waiting && holds.isEmpty()) {
            int start = buffer.position();
            VcomPacket packet;
            try {
                packet = decoder.decode(buffer);
            } catch (VcomProtocolException e) {
                broken = true;
                running = false;
                updatePause();
                throw e;
            }
            if (packet != null) {
                long at = offset;
                offset += buffer.position() - start;
                if (!buffer.hasRemaining()) {
                    buffer = EMPTY; // a large packet's buffer is not kept for an idle connection
                }
                return new Taken(packet, at);
            }
        }
        running = false;
        updatePause();
        return null;
    }

    private void updatePause() {
        boolean pause = broken || waiting || !holds.isEmpty();
        if (pause != paused) {
            paused = pause;
            consumer.readable(pause);
        }
    }

    private void append(ByteBuffer bytes) {
        int needed = buffer.remaining() + bytes.remaining();
        if (buffer.capacity() - buffer.limit() < bytes.remaining()) {
            if (buffer.capacity() >= needed) {
                buffer.compact().flip();
            } else {
                ByteBuffer grown = ByteBuffer.allocate(Math.min(maxBuffered, Math.max(needed, 2 * buffer.capacity())));
                grown.put(buffer).flip();
                buffer = grown;
            }
        }
        int start = buffer.position();
        buffer.position(buffer.limit()).limit(buffer.limit() + bytes.remaining());
        buffer.put(bytes).position(start);
    }

    private synchronized int packetIdAtFront() {
        return buffer.remaining() >= 4 ? buffer.getInt(buffer.position()) : -1;
    }
}
