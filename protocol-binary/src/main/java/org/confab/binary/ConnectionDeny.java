package org.confab.binary;

/** 258, S->C: the connection request was refused; the server closes the socket after it. See {@link DenyCode}. */
public record ConnectionDeny(byte code) implements VcomPacket {

    public static final int ID = 258;

    public ConnectionDeny(DenyCode code) {
        this(code.code());
    }

    @Override
    public int id() {
        return ID;
    }
}
