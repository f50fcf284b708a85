package org.confab.binary;

import java.util.Arrays;
import java.util.Objects;

/**
 * 265, S->C: a message to group {@code groupId}; {@code sentAt} is when the server accepted it.
 * The array is copied in and out so that the record stays immutable; {@link #toString()} hides
 * the content.
 */
public record MulticastMessage(String sender, int groupId, boolean read, long sentAt, boolean isText, byte[] data)
        implements VcomPacket {

    public static final int ID = 265;

    public MulticastMessage {
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
        return o instanceof MulticastMessage other
                && sender.equals(other.sender)
                && groupId == other.groupId
                && read == other.read
                && sentAt == other.sentAt
                && isText == other.isText
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sender, groupId, read, sentAt, isText, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "MulticastMessage[sender=" + sender + ", groupId=" + groupId + ", read=" + read
                + ", sentAt=" + sentAt + ", isText=" + isText + ", data=<" + data.length + " bytes>]";
    }
}
