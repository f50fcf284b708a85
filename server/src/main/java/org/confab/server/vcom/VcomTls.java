package org.confab.server.vcom;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;

/**
 * TLS for the vCom port, 1.2 and newer only: one {@link SSLEngine} per connection, between the
 * transport and the vCom handler.
 *
 * <p>Written here rather than taken from MINA, whose {@code SslFilter} made a relayed file cost
 * far more than its cryptography: for each record it read it allocated buffers for all that was
 * left of the read (240 KiB of zeroed arrays for a 64 KiB read), for each write at least two
 * record-sized ones, took the engine's handshake lock for each, and handed records on outside its
 * own lock, so that another filter had to keep them in order.
 *
 * <p>Records are decrypted on the I/O thread into one buffer per I/O thread, which the handler
 * must consume before it returns (the vCom decoder copies what it keeps). Writes may come from
 * any thread; each is encrypted and handed on under the connection's lock, so records leave in
 * the order they were made. Handshake tasks run on the I/O thread, as Netty's TLS handler does by
 * default: they are a signature and a key agreement, a millisecond of CPU, and running them
 * elsewhere would mean holding back everything the connection reads meanwhile.
 */
final class VcomTls extends IoFilterAdapter {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final AttributeKey STATE = new AttributeKey(VcomTls.class, "state");
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** The most plaintext one record carries. */
    private static final int MAX_FRAGMENT = 16384;
    /** A record header: type, version, length. */
    private static final int HEADER = 5;
    private static final ThreadLocal<ByteBuffer> PLAINTEXT = ThreadLocal.withInitial(() -> ByteBuffer.allocate(MAX_FRAGMENT + 2048));

    private final SSLContext context;
    private final String[] protocols;

    VcomTls(SSLContext context) {
        this.context = context;
        String[] supported = context.getSupportedSSLParameters().getProtocols();
        this.protocols = PROTOCOLS.stream().filter(p -> Arrays.asList(supported).contains(p)).toArray(String[]::new);
    }

    /** Made without the peer's host name, which a server engine has no use for (and which could mean a DNS lookup). */
    SSLEngine createEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(protocols);
        return engine;
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        Connection tls = new Connection(createEngine());
        tls.engine.beginHandshake();
        session.setAttribute(STATE, tls);
        next.sessionCreated(session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        state(session).received(next, session, ((IoBuffer) message).buf());
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        state(session).write(next, session, request);
    }

    @Override
    public void messageSent(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        if (request instanceof Records records) {
            if (records.plaintext != null) {
                next.messageSent(session, records.plaintext);
            }
        } else {
            next.messageSent(session, request);
        }
    }

    private static Connection state(IoSession session) {
        return (Connection) session.getAttribute(STATE);
    }

    /** Encrypted records on their way out, with the plaintext write they carry (null for the handshake's). */
    private static final class Records extends DefaultWriteRequest {
        final WriteRequest plaintext;

        Records(ByteBuffer records, WriteRequest plaintext) {
            super(IoBuffer.wrap(records), plaintext == null ? null : plaintext.getFuture());
            this.plaintext = plaintext;
        }
    }

    /** One connection's engine and what waits on it. */
    private static final class Connection {
        final SSLEngine engine;
        /** A record that has not all arrived yet, in write mode; only the I/O thread touches it. */
        private ByteBuffer partial;
        /** Under this connection's lock from here on. */
        private boolean handshaken;
        private final ArrayDeque<WriteRequest> early = new ArrayDeque<>(2);

        Connection(SSLEngine engine) {
            this.engine = engine;
        }

        /**
         * On the I/O thread: decrypts whole records and hands their plaintext up, record by record.
         * A record cut by the end of a read is completed from the next one, without copying the rest.
         */
        void received(NextFilter next, IoSession session, ByteBuffer in) throws SSLException {
            if (partial != null) {
                fill(in);
                if (partial.hasRemaining()) {
                    return;
                }
                ByteBuffer record = partial.flip();
                partial = null;
                unwrap(next, session, record);
                if (record.hasRemaining()) {
                    throw new SSLException("a TLS record longer than its header says");
                }
            }
            unwrap(next, session, in);
            if (in.hasRemaining()) {
                partial = ByteBuffer.allocate(Math.max(engine.getSession().getPacketBufferSize(), in.remaining()));
                fill(in);
                if (in.hasRemaining()) {
                    // The engine stopped short of whole records: closing says so, where keeping one would lose the rest.
                    throw new SSLException("the TLS engine left whole records unread");
                }
            }
        }

        /**
         * Moves bytes of {@code in} into the partial record, as far as its header says it reaches;
         * the partial record has no room left once it is whole.
         */
        private void fill(ByteBuffer in) {
            if (partial.position() < HEADER) {
                move(in, HEADER - partial.position());
                if (partial.position() < HEADER) {
                    return;
                }
            }
            int length = HEADER + ((partial.get(3) & 0xff) << 8 | partial.get(4) & 0xff);
            if (length > partial.capacity()) {
                partial = ByteBuffer.allocate(length).put(partial.flip());
            }
            partial.limit(length);
            move(in, length - partial.position());
        }

        private void move(ByteBuffer in, int most) {
            int n = Math.min(most, in.remaining());
            partial.put(in.slice(in.position(), n));
            in.position(in.position() + n);
        }

        private void unwrap(NextFilter next, IoSession session, ByteBuffer source) throws SSLException {
            ByteBuffer plaintext = PLAINTEXT.get();
            while (source.hasRemaining()) {
                SSLEngineResult result;
                synchronized (this) {
                    result = engine.unwrap(source, plaintext);
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                        plaintext = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
                        PLAINTEXT.set(plaintext);
                        continue;
                    }
                    progress(next, session);
                }
                if (plaintext.position() > 0) {
                    plaintext.flip();
                    try {
                        next.messageReceived(session, IoBuffer.wrap(plaintext));
                    } finally {
                        plaintext.clear();
                    }
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    session.closeNow();
                    source.position(source.limit());
                    return;
                }
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                        || result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                    return;
                }
            }
        }

        /** Encrypts a write and hands it on; before the handshake is done it waits, in order. */
        synchronized void write(NextFilter next, IoSession session, WriteRequest request) throws SSLException {
            if (!handshaken) {
                early.add(request);
                return;
            }
            send(next, session, request);
            progress(next, session);
        }

        private void send(NextFilter next, IoSession session, WriteRequest request) throws SSLException {
            next.filterWrite(session, new Records(encrypt(((IoBuffer) request.getMessage()).buf()), request));
        }

        /** Under the lock: whatever the handshake (or a key update) needs next. */
        private void progress(NextFilter next, IoSession session) throws SSLException {
            while (true) {
                SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NEED_TASK -> {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) {
                            task.run();
                        }
                    }
                    case NEED_WRAP -> {
                        ByteBuffer records = encrypt(EMPTY);
                        if (records.hasRemaining()) {
                            next.filterWrite(session, new Records(records, null));
                        } else if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                            throw new SSLException("the TLS engine needs to write but wrote nothing");
                        }
                    }
                    default -> {
                        // NOT_HANDSHAKING (a finished handshake reports FINISHED only once, on its last wrap
                        // or unwrap) or NEED_UNWRAP: waiting for the peer.
                        if (!handshaken && status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                            handshaken = true;
                            WriteRequest waiting;
                            while ((waiting = early.poll()) != null) {
                                send(next, session, waiting);
                            }
                        }
                        return;
                    }
                }
            }
        }

        /** All of {@code plaintext} as records, in a buffer sized for them. */
        private ByteBuffer encrypt(ByteBuffer plaintext) throws SSLException {
            int packet = engine.getSession().getPacketBufferSize();
            int records = plaintext.remaining() / MAX_FRAGMENT + 1;
            ByteBuffer out = ByteBuffer.allocate(plaintext.remaining() + records * (packet - MAX_FRAGMENT));
            while (true) {
                SSLEngineResult result = engine.wrap(plaintext, out);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    out = ByteBuffer.allocate(out.capacity() + packet).put(out.flip());
                    continue;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("the TLS session is closed");
                }
                if (!plaintext.hasRemaining()) {
                    break;
                }
                if (result.bytesConsumed() == 0) {
                    throw new SSLException("the TLS engine took no data (" + result.getHandshakeStatus() + ")");
                }
            }
            return out.flip();
        }
    }
}
