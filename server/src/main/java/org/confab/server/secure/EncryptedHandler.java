package org.confab.server.secure;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.confab.server.dmconnect.DmconnectConnection;
import org.confab.server.runtime.IoErrors;
import org.confab.text.secure.SecureChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA's view of the encrypted DMconnect port. The server speaks first with its Diffie-Hellman
 * value; once the client's value is in, every message both ways is one frame, and behind the
 * frames sits an ordinary DMconnect connection, so encrypted and plain users share everything.
 */
public final class EncryptedHandler extends IoHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(EncryptedHandler.class);
    private static final AttributeKey STATE = new AttributeKey(EncryptedHandler.class, "state");

    private final BiFunction<IoSession, Function<String, IoBuffer>, DmconnectConnection> connections;
    private final ScheduledExecutorService timers;
    private final int maxMessageBytes;
    private final int handshakeTimeoutMs;
    private final SecureRandom random = new SecureRandom();

    private record State(SecureLink link, DmconnectConnection conn, ScheduledFuture<?> handshakeDeadline) {
    }

    /**
     * @param connections opens the DMconnect connection behind a session, given the encoder that
     *     turns each outgoing line into a frame
     */
    public EncryptedHandler(BiFunction<IoSession, Function<String, IoBuffer>, DmconnectConnection> connections,
                            ScheduledExecutorService timers, int maxMessageBytes, int handshakeTimeoutMs) {
        this.connections = connections;
        this.timers = timers;
        this.maxMessageBytes = maxMessageBytes;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
    }

    @Override
    public void sessionOpened(IoSession io) {
        SecureLink link = new SecureLink(random, maxMessageBytes);
        // Frames carry whole messages, so a line goes out without the plain port's newline, as DMCD sends it.
        DmconnectConnection conn = connections.apply(io, line -> IoBuffer.wrap(link.frame(line)));
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            if (!link.established()) {
                log.info("Closing {}: no encryption handshake within {} ms", io.getRemoteAddress(), handshakeTimeoutMs);
                io.closeNow();
            }
        }, handshakeTimeoutMs, TimeUnit.MILLISECONDS);
        io.setAttribute(STATE, new State(link, conn, deadline));
        io.write(IoBuffer.wrap(link.hello()));
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        State state = (State) io.getAttribute(STATE);
        boolean wasEstablished = state.link().established();
        List<String> texts;
        try {
            texts = state.link().received(((IoBuffer) message).buf());
        } catch (SecureChannelException e) {
            log.info("Closing {}: {}", io.getRemoteAddress(), e.getMessage());
            io.closeNow();
            return;
        }
        if (!wasEstablished && state.link().established()) {
            // Queued before the messages of the same read, so the greeting comes first.
            state.handshakeDeadline().cancel(false);
            state.conn().greet();
        }
        texts.forEach(state.conn()::messageReceived);
    }

    @Override
    public void sessionClosed(IoSession io) {
        State state = (State) io.getAttribute(STATE);
        if (state != null) {
            state.handshakeDeadline().cancel(false);
            state.conn().closed();
        }
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        State state = (State) io.getAttribute(STATE);
        if (state != null && status == IdleStatus.READER_IDLE) {
            state.conn().idleTimedOut();
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        IoErrors.close(log, io, cause);
    }
}
