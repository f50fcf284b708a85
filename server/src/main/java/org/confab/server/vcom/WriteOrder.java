package org.confab.server.vcom;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;

/**
 * Keeps a TLS connection's records in the order they were encrypted. MINA 2.2's SSL handler
 * encrypts under its own lock but hands the records on outside it, both on the writing thread
 * and on the I/O thread when a write completes; two such threads can swap two records, which the
 * client rejects (a bad record MAC). Every write to a vCom connection therefore happens under
 * the connection's write lock, and this filter, between the transport and the TLS filter, takes
 * the same lock while a write completion passes through the TLS filter.
 */
final class WriteOrder extends IoFilterAdapter {

    private static final AttributeKey LOCK = new AttributeKey(WriteOrder.class, "lock");

    /** The lock every write to this connection is made under. */
    static Object lock(IoSession io) {
        Object lock = io.getAttribute(LOCK);
        if (lock == null) {
            Object created = new Object();
            lock = io.setAttributeIfAbsent(LOCK, created);
            if (lock == null) {
                lock = created;
            }
        }
        return lock;
    }

    @Override
    public void messageSent(NextFilter next, IoSession io, WriteRequest request) throws Exception {
        synchronized (lock(io)) {
            next.messageSent(io, request);
        }
    }
}
