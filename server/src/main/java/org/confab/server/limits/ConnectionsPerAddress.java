package org.confab.server.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps how many connections one address may hold open across all of Confab's ports. A
 * connection over the cap is closed before any handler sees it. One instance is shared by every
 * acceptor.
 */
public final class ConnectionsPerAddress extends IoFilterAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private static final AttributeKey COUNTED = new AttributeKey(ConnectionsPerAddress.class, "counted");

    private final int max;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** {@code max} 0 means unlimited. */
    public ConnectionsPerAddress(int max) {
        this.max = max;
    }

    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        InetAddress address = ((InetSocketAddress) session.getRemoteAddress()).getAddress();
        int count = open.merge(address, 1, Integer::sum);
        session.setAttribute(COUNTED, address);
        if (max > 0 && count > max) {
            log.warn("Refused connection from {}: it already has {} open (limits.connections-per-address)", address, max);
            session.closeNow();
            return;
        }
        next.sessionCreated(session);
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        if (!session.isClosing()) {
            next.sessionOpened(session);
        }
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!session.isClosing()) {
            next.messageReceived(session, message);
        }
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        InetAddress address = (InetAddress) session.removeAttribute(COUNTED);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
        next.sessionClosed(session);
    }

    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }
}
