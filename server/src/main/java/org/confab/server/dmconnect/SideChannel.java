package org.confab.server.dmconnect;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;

/**
 * Takes over a connection on the DMconnect port whose first bytes are not a chat client's: a
 * federation peer's JSON or an HTTP request. It receives every read from then on.
 */
public interface SideChannel {

    void received(IoSession io, IoBuffer bytes);

    default void closed(IoSession io) {
    }
}
