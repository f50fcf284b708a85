package org.confab.binary;

import java.util.Arrays;
import java.util.Objects;

/**
 * 266, C->S: a private message to {@code recipient}. The server does not trust {@code sentAt}.
 * The array is copied in and out so that the record stays immutable; {@link #toString()} hides
 * the content.
 */
public record SendUnicast(String recipient, long sentAt, boolean isText, byte[] data) implements VcomPacket {

    public static final int ID = 266;

    public SendUnicast {
        Objects.requireNonNull(recipient, "recipient");
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
        return o instanceof SendUnicast other
                && recipient.equals(other.recipient)
                && sentAt == other.sentAt
                && isText == other.isText
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, sentAt, isText, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "SendUnicast[recipient=" + recipient + ", sentAt=" + sentAt + ", isText=" + isText
                + ", data=<" + data.length + " bytes>]";
    }
}
