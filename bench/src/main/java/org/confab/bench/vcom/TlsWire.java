package org.confab.bench.vcom;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking connection with an {@link SSLEngine}: network bytes in, application
 * bytes up; application bytes down, records out. Delegated tasks run inline: the handshake is a
 * small part of a benchmark and a thread hop would only blur its timing.
 */
public final class TlsWire {

    /** What the wire reports. */
    public interface Listener {
        /** Decrypted bytes; consume whole packets and leave a partial one in place. */
        void application(ByteBuffer in);

        void handshaken();

        /** Records to put on the socket, in order. */
        void network(ByteBuffer out);
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final Listener listener;
    private final ArrayDeque<ByteBuffer> early = new ArrayDeque<>();
    private ByteBuffer appIn;
    private boolean handshaken;

    public TlsWire(SSLEngine engine, Listener listener) {
        this.engine = engine;
        this.listener = listener;
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    public void start() throws SSLException {
        engine.beginHandshake();
        progress();
    }

    public boolean isHandshaken() {
        return handshaken;
    }

    /** Consumes whole records from {@code in}; a partial record stays for the next read. */
    public void received(ByteBuffer in) throws SSLException {
        while (true) {
            SSLEngineResult r = engine.unwrap(in, appIn);
            switch (r.getStatus()) {
                case BUFFER_OVERFLOW -> {
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    continue;
                }
                case CLOSED -> throw new SSLException("peer closed the TLS session");
                default -> {
                }
            }
            deliver();
            progress();
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                return;
            }
        }
    }

    /** Encrypts and sends {@code app}; before the handshake is done it waits in order. */
    public void send(ByteBuffer app) throws SSLException {
        if (!handshaken) {
            early.add(app);
            return;
        }
        while (app.hasRemaining()) {
            wrap(app);
        }
    }

    private void deliver() {
        if (appIn.position() == 0) {
            return;
        }
        appIn.flip();
        listener.application(appIn);
        appIn.compact();
        if (!appIn.hasRemaining()) {
            // A packet larger than the buffer: room for the rest of it.
            appIn = grow(appIn, appIn.capacity());
        }
    }

    private void progress() throws SSLException {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case NEED_WRAP -> wrap(EMPTY);
                case NOT_HANDSHAKING, FINISHED -> {
                    if (!handshaken) {
                        handshaken = true;
                        listener.handshaken();
                        while (!early.isEmpty()) {
                            send(early.poll());
                        }
                    }
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void wrap(ByteBuffer app) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        while (true) {
            SSLEngineResult r = engine.wrap(app, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                out = grow(out, engine.getSession().getPacketBufferSize());
                continue;
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("TLS session closed");
            }
            break;
        }
        out.flip();
        if (out.hasRemaining()) {
            listener.network(out);
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int by) {
        ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() + by);
        buffer.flip();
        return bigger.put(buffer);
    }
}
