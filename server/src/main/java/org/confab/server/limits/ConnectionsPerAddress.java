package org.confab.server.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.core.service.IoHandler;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps how many connections one address may hold open across all of Confab's ports. A
 * connection over the cap is closed before the handler hears of it. One instance is shared by
 * every acceptor; it wraps each one's handler rather than sitting in its filter chain, as MINA
 * copies a chain's every filter into each connection (about 100 bytes a filter).
 */
public final class ConnectionsPerAddress {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private static final AttributeKey COUNTED = new AttributeKey(ConnectionsPerAddress.class, "counted");

    private final int max;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** {@code max} 0 means unlimited. */
    public ConnectionsPerAddress(int max) {
        this.max = max;
    }

    /** {@code handler}, hearing only of the connections within the cap, and of their closing. */
    public IoHandler guard(IoHandler handler) {
        return new Guarded(handler);
    }

    private final class Guarded implements IoHandler {

        private final IoHandler handler;

        Guarded(IoHandler handler) {
            this.handler = handler;
        }

        @Override
        public void sessionCreated(IoSession session) throws Exception {
            InetAddress address = ((InetSocketAddress) session.getRemoteAddress()).getAddress();
            int count = open.merge(address, 1, Integer::sum);
            session.setAttribute(COUNTED, address);
            if (max > 0 && count > max) {
                log.warn("Refused connection from {}: it already has {} open (limits.connections-per-address)", address, max);
                session.closeNow();
                return;
            }
            handler.sessionCreated(session);
        }

        @Override
        public void sessionOpened(IoSession session) throws Exception {
            if (!session.isClosing()) {
                handler.sessionOpened(session);
            }
        }

        @Override
        public void messageReceived(IoSession session, Object message) throws Exception {
            if (!session.isClosing()) {
                handler.messageReceived(session, message);
            }
        }

        @Override
        public void sessionClosed(IoSession session) throws Exception {
            InetAddress address = (InetAddress) session.removeAttribute(COUNTED);
            if (address != null) {
                open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            }
            handler.sessionClosed(session);
        }

        @Override
        public void sessionIdle(IoSession session, IdleStatus status) throws Exception {
            handler.sessionIdle(session, status);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) throws Exception {
            handler.exceptionCaught(session, cause);
        }

        @Override
        public void messageSent(IoSession session, Object message) throws Exception {
            handler.messageSent(session, message);
        }

        @Override
        public void inputClosed(IoSession session) throws Exception {
            handler.inputClosed(session);
        }

        @Override
        public void event(IoSession session, FilterEvent event) throws Exception {
            handler.event(session, event);
        }
    }
}
