package org.confab.binary;

/** 257, S->C: the connection request was accepted; {@code deviceId} is the id the client must use from now on. */
public record ConnectionAccept(int deviceId) implements VcomPacket {

    public static final int ID = 257;

    @Override
    public int id() {
        return ID;
    }
}
