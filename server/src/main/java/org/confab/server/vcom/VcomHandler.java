package org.confab.server.vcom;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteToClosedSessionException;
import org.confab.server.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MINA's view of the vCom ports: each event goes to the connection it belongs to. */
final class VcomHandler extends IoHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(VcomHandler.class);
    private static final AttributeKey CONNECTION = new AttributeKey(VcomHandler.class, "connection");

    private final VcomSettings settings;
    private final VcomLogin login;
    private final VcomCommands commands;
    private final Sessions sessions;
    private final ScheduledExecutorService timers;

    VcomHandler(VcomSettings settings, VcomLogin login, VcomCommands commands, Sessions sessions,
                ScheduledExecutorService timers) {
        this.settings = settings;
        this.login = login;
        this.commands = commands;
        this.sessions = sessions;
        this.timers = timers;
    }

    @Override
    public void sessionOpened(IoSession io) {
        log.debug("vCom connection from {}", io.getRemoteAddress());
        VcomConnection conn = new VcomConnection(sessions.nextId(), io, settings, login, commands, timers);
        io.setAttribute(CONNECTION, conn);
        conn.opened();
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        connection(io).received(((IoBuffer) message).buf());
    }

    @Override
    public void messageSent(IoSession io, Object message) {
        connection(io).sent((IoBuffer) message);
    }

    @Override
    public void sessionClosed(IoSession io) {
        VcomConnection conn = connection(io);
        if (conn != null) {
            conn.closed();
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            log.info("TLS failed with {}: {}; closing", io.getRemoteAddress(), cause.getMessage());
        } else if (cause instanceof IOException || cause instanceof WriteToClosedSessionException) {
            log.debug("I/O error on {}: {}", io.getRemoteAddress(), cause.getMessage());
        } else {
            log.warn("Error on {}; closing it", io.getRemoteAddress(), cause);
        }
        io.closeNow();
    }

    private static VcomConnection connection(IoSession io) {
        return (VcomConnection) io.getAttribute(CONNECTION);
    }
}
