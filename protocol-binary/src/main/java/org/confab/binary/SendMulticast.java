package org.confab.binary;

import java.util.Arrays;
import java.util.Objects;

/**
 * 267, C->S: a message to group {@code groupId}. The server does not trust {@code sentAt}.
 * The array is copied in and out so that the record stays immutable; {@link #toString()} hides
 * the content.
 */
public record SendMulticast(int groupId, long sentAt, boolean isText, byte[] data) implements VcomPacket {

    public static final int ID = 267;

    public SendMulticast {
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
        return o instanceof SendMulticast other
                && groupId == other.groupId
                && sentAt == other.sentAt
                && isText == other.isText
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, sentAt, isText, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "SendMulticast[groupId=" + groupId + ", sentAt=" + sentAt + ", isText=" + isText
                + ", data=<" + data.length + " bytes>]";
    }
}
