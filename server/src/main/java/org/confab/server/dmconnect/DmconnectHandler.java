package org.confab.server.dmconnect;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.confab.server.runtime.IoErrors;
import org.confab.server.session.Protocol;
import org.confab.server.session.Sessions;
import org.confab.text.PortSniffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA's view of the plain DMconnect port. A new connection is not greeted until it is known to
 * be a chat client: its first bytes say so, or a short silence does. Federation and HTTP traffic
 * on the same port go to their side channels.
 */
public final class DmconnectHandler extends IoHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DmconnectHandler.class);
    private static final AttributeKey CONNECTION = new AttributeKey(DmconnectHandler.class, "connection");
    private static final AttributeKey SNIFF = new AttributeKey(DmconnectHandler.class, "sniff");
    private static final AttributeKey SIDE = new AttributeKey(DmconnectHandler.class, "side");
    private static final int SNIFF_BYTES = 16;

    private final DmconnectSettings settings;
    private final DmconnectCommands commands;
    private final Sessions sessions;
    private final ScheduledExecutorService timers;
    private final SideChannel federation;
    private final SideChannel http;
    private final Function<String, IoBuffer> encoder = new PlainLines();

    /** The first bytes of a connection while it is not yet known what it is. */
    private static final class Sniff {
        final AtomicBoolean decided = new AtomicBoolean();
        final ByteBuffer seen = ByteBuffer.allocate(SNIFF_BYTES);
        volatile ScheduledFuture<?> timer;
    }

    public DmconnectHandler(DmconnectSettings settings, DmconnectCommands commands, Sessions sessions,
                            ScheduledExecutorService timers, SideChannel federation, SideChannel http) {
        this.settings = settings;
        this.commands = commands;
        this.sessions = sessions;
        this.timers = timers;
        this.federation = federation;
        this.http = http;
    }

    @Override
    public void sessionOpened(IoSession io) {
        log.debug("Connection from {}", io.getRemoteAddress());
        DmconnectConnection conn = new DmconnectConnection(sessions.nextId(), io, Protocol.DMCONNECT, settings, commands,
                timers, encoder);
        io.setAttribute(CONNECTION, conn);
        Sniff sniff = new Sniff();
        io.setAttribute(SNIFF, sniff);
        sniff.timer = timers.schedule(() -> becomeChat(io, conn, sniff), settings.greetingDelayMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        IoBuffer bytes = (IoBuffer) message;
        SideChannel side = (SideChannel) io.getAttribute(SIDE);
        if (side != null) {
            side.received(io, bytes);
            return;
        }
        DmconnectConnection conn = (DmconnectConnection) io.getAttribute(CONNECTION);
        Sniff sniff = (Sniff) io.getAttribute(SNIFF);
        if (sniff == null) {
            conn.bytesReceived(bytes.buf());
            return;
        }
        synchronized (sniff) {
            if (sniff.decided.get()) {
                conn.bytesReceived(bytes.buf());
                return;
            }
            while (bytes.hasRemaining() && sniff.seen.hasRemaining()) {
                sniff.seen.put(bytes.get());
            }
            PortSniffer.Traffic traffic = PortSniffer.classify(sniff.seen.duplicate().flip());
            if (traffic == PortSniffer.Traffic.UNDECIDED && sniff.seen.hasRemaining()) {
                return;
            }
            if (!sniff.decided.compareAndSet(false, true)) {
                return;
            }
            sniff.timer.cancel(false);
            io.removeAttribute(SNIFF);
            IoBuffer first = IoBuffer.allocate(sniff.seen.position() + bytes.remaining());
            first.put(sniff.seen.flip()).put(bytes).flip();
            switch (traffic) {
                case FEDERATION -> handOver(io, federation, first);
                case HTTP -> handOver(io, http, first);
                default -> {
                    conn.greet();
                    conn.bytesReceived(first.buf());
                }
            }
        }
    }

    private void becomeChat(IoSession io, DmconnectConnection conn, Sniff sniff) {
        synchronized (sniff) {
            if (!sniff.decided.compareAndSet(false, true)) {
                return;
            }
            io.removeAttribute(SNIFF);
            conn.greet();
            if (sniff.seen.position() > 0) {
                conn.bytesReceived(sniff.seen.flip());
            }
        }
    }

    private static void handOver(IoSession io, SideChannel side, IoBuffer first) {
        ((DmconnectConnection) io.removeAttribute(CONNECTION)).abandon();
        io.setAttribute(SIDE, side);
        side.received(io, first);
    }

    @Override
    public void sessionClosed(IoSession io) {
        DmconnectConnection conn = (DmconnectConnection) io.getAttribute(CONNECTION);
        if (conn != null) {
            Sniff sniff = (Sniff) io.getAttribute(SNIFF);
            if (sniff != null) {
                sniff.timer.cancel(false);
            }
            conn.closed();
            log.debug("Closed {}", conn);
        }
        SideChannel side = (SideChannel) io.getAttribute(SIDE);
        if (side != null) {
            side.closed(io);
        }
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        DmconnectConnection conn = (DmconnectConnection) io.getAttribute(CONNECTION);
        if (conn != null && status == IdleStatus.READER_IDLE) {
            conn.idleTimedOut();
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        IoErrors.close(log, io, cause);
    }
}
