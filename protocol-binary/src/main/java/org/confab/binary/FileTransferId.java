package org.confab.binary;

/** 269, S->C: the id the server assigned to the sender's {@link FileTransferRequest}. */
public record FileTransferId(int transferId) implements VcomPacket {

    public static final int ID = 269;

    @Override
    public int id() {
        return ID;
    }
}
