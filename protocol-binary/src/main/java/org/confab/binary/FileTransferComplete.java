package org.confab.binary;

/** 274, both directions: the sender has sent every chunk. */
public record FileTransferComplete(int transferId) implements VcomPacket {

    public static final int ID = 274;

    @Override
    public int id() {
        return ID;
    }
}
