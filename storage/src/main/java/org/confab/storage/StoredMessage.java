package org.confab.storage;

/**
 * A message waiting for an offline recipient. {@code groupId} is null for a private message;
 * {@code sentAtMillis} is when the server accepted it.
 */
public record StoredMessage(long id, long recipientId, String sender, Integer groupId, long sentAtMillis,
        boolean text, byte[] data) {

    /** Shows the size of the content, never the content itself. */
    @Override
    public String toString() {
        return "StoredMessage[id=" + id + ", recipientId=" + recipientId + ", sender=" + sender
                + ", groupId=" + groupId + ", sentAtMillis=" + sentAtMillis + ", text=" + text
                + ", data=" + data.length + " bytes]";
    }
}
