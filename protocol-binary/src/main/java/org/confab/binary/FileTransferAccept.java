package org.confab.binary;

/** 272, C->S: the recipient accepts the offer; S->C: the sender may begin sending chunks. */
public record FileTransferAccept(int transferId) implements VcomPacket {

    public static final int ID = 272;

    @Override
    public int id() {
        return ID;
    }
}
