package org.confab.binary;

import java.util.Arrays;
import java.util.Objects;

/**
 * 264, S->C: a private message; {@code sentAt} is when the server accepted it. The array is
 * copied in and out so that the record stays immutable; {@link #toString()} hides the content.
 */
public record UnicastMessage(String sender, boolean read, long sentAt, boolean isText, byte[] data)
        implements VcomPacket {

    public static final int ID = 264;

    public UnicastMessage {
        Objects.requireNonNull(sender, "sender");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int id() {
        return ID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnicastMessage other
                && sender.equals(other.sender)
                && read == other.read
                && sentAt == other.sentAt
                && isText == other.isText
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sender, read, sentAt, isText, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "UnicastMessage[sender=" + sender + ", read=" + read + ", sentAt=" + sentAt
                + ", isText=" + isText + ", data=<" + data.length + " bytes>]";
    }
}
