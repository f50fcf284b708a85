package org.confab.server.transfer;

import org.confab.binary.AbortReason;
import org.confab.server.account.Account;

/**
 * One end of a file transfer: a connection that can be told about transfers and whose reading
 * the relay can hold while the other end is backed up. Callbacks never block.
 */
public interface Party {

    Account account();

    /** The sender's request was taken: the transfer has its id and was offered to the receiver. */
    void started(Transfer transfer);

    /** The sender's request was refused at once. */
    void refused(AbortReason reason);

    /** The receiver is asked whether it wants the file. */
    void offered(Transfer transfer);

    /** The sender may begin: the receiver accepted. */
    void accepted(int transferId);

    void chunk(int transferId, byte[] data);

    /** The receiver has all the bytes. */
    void completed(int transferId);

    void aborted(int transferId, int reason);

    /** Bytes waiting to be sent to this party's client. */
    long backlog();

    /** Stop reading from this party's client until every cause that held it released it. */
    void hold(Object cause);

    void release(Object cause);

    /**
     * Call {@link Transfers#drained(Party)} once the backlog has fallen to half the window;
     * until then the relay holds the senders of files this party receives.
     */
    void watchDrain();
}
