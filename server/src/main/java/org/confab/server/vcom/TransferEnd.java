package org.confab.server.vcom;

import java.util.concurrent.CompletableFuture;
import org.confab.binary.AbortReason;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAbort;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.server.account.Account;
import org.confab.server.transfer.Party;
import org.confab.server.transfer.Transfer;
import org.confab.server.transfer.Transfers;

/**
 * A vCom connection as one end of file transfers: the relay's callbacks become packets 269-274,
 * and holding the connection stops its reading. It also keeps the seed's rule that a client may
 * not send a second request (268) before the first was answered.
 */
final class TransferEnd implements Party {

    private final VcomConnection connection;
    private final Transfers transfers;
    private final int windowBytes;
    /** A request whose answer has not yet left the server. */
    private volatile boolean answerPending;
    /** How many bytes had arrived when the last answer left: whatever came before was sent before the client could see it. */
    private volatile long answeredAt;
    private volatile boolean watchingDrain;

    TransferEnd(VcomConnection connection, Transfers transfers, int windowBytes) {
        this.connection = connection;
        this.transfers = transfers;
        this.windowBytes = windowBytes;
    }

    /**
     * Whether a request that starts at {@code offset} in the stream may be made: false when the
     * client sent it before it could have seen the answer to its previous one.
     */
    boolean mayRequest(long offset) {
        if (answerPending || offset < answeredAt) {
            return false;
        }
        answerPending = true;
        return true;
    }

    /**
     * Something written to this connection has left: a held sender may read on once enough has.
     * The sender's waiting packets are handled right here, on this connection's I/O thread, with
     * no lock held: handing them to another thread cost a wake-up every few dozen chunks, which
     * on two cores was a tenth of a relay's CPU.
     */
    void sent() {
        if (watchingDrain && backlog() <= windowBytes / 2) {
            watchingDrain = false;
            transfers.drained(this);
        }
    }

    void closed() {
        transfers.dropped(this);
    }

    Transfers transfers() {
        return transfers;
    }

    @Override
    public Account account() {
        return connection.account();
    }

    @Override
    public void started(Transfer transfer) {
        answer(connection.sendConfirmed(new FileTransferId(transfer.id())));
    }

    @Override
    public void refused(AbortReason reason) {
        // No transfer exists, so the refusal carries id 0.
        answer(connection.sendConfirmed(new FileTransferAbort(0, reason)));
    }

    private void answer(CompletableFuture<Boolean> written) {
        written.thenRun(() -> {
            answeredAt = connection.inbound().received();
            answerPending = false;
        });
    }

    @Override
    public void offered(Transfer transfer) {
        connection.send(new FileTransferOffer(transfer.sender().account().name(), transfer.size(), transfer.fileName(),
                transfer.id()));
    }

    @Override
    public void accepted(int transferId) {
        connection.send(new FileTransferAccept(transferId));
    }

    @Override
    public void chunk(int transferId, byte[] data) {
        connection.send(new FileChunk(transferId, data));
    }

    @Override
    public void completed(int transferId) {
        connection.send(new FileTransferComplete(transferId));
    }

    @Override
    public void aborted(int transferId, int reason) {
        connection.send(new FileTransferAbort(transferId, reason));
    }

    @Override
    public long backlog() {
        return connection.unsent();
    }

    @Override
    public void hold(Object cause) {
        connection.inbound().hold(cause);
    }

    @Override
    public void release(Object cause) {
        connection.inbound().release(cause);
    }

    @Override
    public void watchDrain() {
        watchingDrain = true;
    }
}
