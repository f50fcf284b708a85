package org.confab.binary;

import java.util.Arrays;

/**
 * 263, S->C: an administrator's message (UTF-8) to every online client. The array is copied in
 * and out so that the record stays immutable; {@link #toString()} shows only its length.
 */
public record Broadcast(byte[] message) implements VcomPacket {

    public static final int ID = 263;

    public Broadcast {
        message = message.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public int id() {
        return ID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Broadcast other && Arrays.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "Broadcast[message=<" + message.length + " bytes>]";
    }
}
