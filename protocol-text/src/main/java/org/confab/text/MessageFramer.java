package org.confab.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a DMconnect byte stream into messages.
 *
 * <p>Real clients send each message as one write with no newline; telnet users end lines with
 * {@code \r\n}. A message therefore ends at {@code \n}, or, for a connection that has never sent a
 * newline, when the caller reports a quiet period with {@link #flush()}. Once a connection has shown
 * that it terminates its lines, a fragment waits for its newline however long the pause, so a slow
 * line split over several reads stays one message.
 *
 * <p>At most {@code maxMessageBytes} are buffered: a longer message is reported once as
 * {@link Inbound.Oversized} and its remaining bytes are skipped up to the end of that message.
 * Not thread-safe: one instance per connection, fed by one thread at a time.
 */
public final class MessageFramer {

    private final int maxMessageBytes;
    private static final byte[] NONE = new byte[0];

    // Most connections are idle most of the time: hold a buffer only while a message is incomplete.
    private byte[] pending = NONE;
    private int pendingLength;
    private boolean discarding;
    private boolean lineMode;

    public MessageFramer(int maxMessageBytes) {
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Consumes all of {@code in} and returns the messages it completed. */
    public List<Inbound> feed(ByteBuffer in) {
        List<Inbound> out = new ArrayList<>(2);
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                lineMode = true;
                endMessage(out);
            } else if (discarding) {
                continue;
            } else if (pendingLength == maxMessageBytes) {
                discarding = true;
                pendingLength = 0;
                out.add(new Inbound.Oversized(maxMessageBytes));
            } else {
                append(b);
            }
        }
        return out;
    }

    /**
     * Ends the pending fragment after a quiet period, unless the connection terminates its lines
     * (then the fragment keeps waiting for its newline). Returns the message it ended, if any.
     */
    public List<Inbound> flush() {
        if (lineMode || (pendingLength == 0 && !discarding)) {
            return List.of();
        }
        List<Inbound> out = new ArrayList<>(1);
        endMessage(out);
        return out;
    }

    /** Whether bytes wait for a quiet-period {@link #flush()} to become a message. */
    public boolean awaitsFlush() {
        return !lineMode && (pendingLength > 0 || discarding);
    }

    private void endMessage(List<Inbound> out) {
        if (discarding) {
            discarding = false;
        } else {
            out.add(new Inbound.Message(new String(pending, 0, pendingLength, StandardCharsets.UTF_8).strip()));
        }
        pendingLength = 0;
        pending = NONE;
    }

    private void append(byte b) {
        if (pendingLength == pending.length) {
            byte[] grown = new byte[Math.min(maxMessageBytes, Math.max(64, pending.length * 2))];
            System.arraycopy(pending, 0, grown, 0, pendingLength);
            pending = grown;
        }
        pending[pendingLength++] = b;
    }
}
