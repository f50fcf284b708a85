package org.confab.server.runtime;

import java.io.IOException;
import java.util.concurrent.Executor;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * MINA's NIO processor, made safe for suspending and resuming a connection's reading on any
 * thread, which vCom does whenever a packet's handling ends on a database thread.
 *
 * <p>MINA 2.2.4 changes a connection's interest set (OP_READ, OP_WRITE) by reading it and writing
 * it back. Its I/O thread does so for OP_WRITE around every flush, and {@code suspendRead} and
 * {@code resumeRead} do so on the calling thread, for OP_READ and for OP_WRITE too. That goes
 * wrong twice. When the two overlap, the I/O thread writes back the set it read before the
 * resume: OP_READ is lost, and the connection, which believes it reads, is never read again.
 * And the caller sets OP_WRITE from the write queue alone, which leaves out the write under way:
 * a write the peer was slow to take is then never finished.
 *
 * <p>Here the interest set changes under one lock, and suspending or resuming reading changes
 * only OP_READ. OP_WRITE is left to the I/O thread, through a flush; the flush also wakes the
 * I/O thread, so that the new interest set takes effect at once instead of after a select that
 * can last a second.
 */
public final class ThreadSafeNioProcessor extends NioProcessor {

    private final Object interestLock = new Object();

    /** The constructor MINA's processor pool calls. */
    public ThreadSafeNioProcessor(Executor executor) {
        super(executor);
    }

    @Override
    protected void setInterestedInRead(NioSession session, boolean interested) throws Exception {
        synchronized (interestLock) {
            super.setInterestedInRead(session, interested);
        }
    }

    @Override
    protected void setInterestedInWrite(NioSession session, boolean interested) throws Exception {
        synchronized (interestLock) {
            super.setInterestedInWrite(session, interested);
        }
    }

    /** MINA's cure for a selector that spins: the sessions move to a new one, each with its interest set. */
    @Override
    protected void registerNewSelector() throws IOException {
        synchronized (interestLock) {
            super.registerNewSelector();
        }
    }

    /** What suspending or resuming reading or writing calls, on the caller's thread. */
    @Override
    public void updateTrafficControl(NioSession session) {
        if (session.isWriteSuspended()) {
            super.updateTrafficControl(session); // MINA's own, which clears OP_WRITE as asked
            return;
        }
        try {
            setInterestedInRead(session, !session.isReadSuspended());
        } catch (Exception e) {
            session.getFilterChain().fireExceptionCaught(e);
        }
        flush(session);
    }
}
