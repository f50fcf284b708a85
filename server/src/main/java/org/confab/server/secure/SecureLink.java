package org.confab.server.secure;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.confab.text.secure.Handshake;
import org.confab.text.secure.SecureChannelException;
import org.confab.text.secure.SecureFrameCodec;
import org.confab.text.secure.SessionKeys;

/**
 * One encrypted connection's wire state: the handshake until the client's public value is in,
 * then the frame codec. Bytes are fed by one I/O thread at a time; frames may be encoded from any
 * thread once the handshake is done.
 */
final class SecureLink {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final Handshake handshake;
    private final int maxMessageBytes;
    private volatile SecureFrameCodec codec;
    // Bytes of an incomplete hello or frame. The codec checks each frame's length as soon as its
    // header is in, so this never holds more than one frame plus one read.
    private ByteBuffer pending = NOTHING;

    SecureLink(SecureRandom random, int maxMessageBytes) {
        this.handshake = new Handshake(random);
        this.maxMessageBytes = maxMessageBytes;
    }

    byte[] hello() {
        return handshake.helloFrame();
    }

    boolean established() {
        return codec != null;
    }

    /**
     * Consumes what arrived and returns the messages it completed. The handshake finishing is
     * reported by {@link #established()} turning true.
     *
     * @throws SecureChannelException on a bad hello or frame: the connection must be closed
     */
    List<String> received(ByteBuffer in) {
        ByteBuffer buffer = append(in);
        List<String> messages = new ArrayList<>(1);
        if (codec == null) {
            SessionKeys keys = handshake.readPeerHello(buffer);
            if (keys == null) {
                keep(buffer);
                return messages;
            }
            codec = new SecureFrameCodec(keys, maxMessageBytes);
        }
        for (String text = codec.decode(buffer); text != null; text = codec.decode(buffer)) {
            messages.add(text);
        }
        keep(buffer);
        return messages;
    }

    /** One frame carrying {@code text}; only valid once {@link #established()}. */
    /** Synchronized: lines reach one connection from several fan-out threads, and the codec's cipher is not thread-safe. */
    synchronized byte[] frame(String text) {
        return codec.encode(text);
    }

    private ByteBuffer append(ByteBuffer in) {
        if (!pending.hasRemaining()) {
            return in;
        }
        ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + in.remaining());
        joined.put(pending).put(in).flip();
        return joined;
    }

    private void keep(ByteBuffer rest) {
        if (!rest.hasRemaining()) {
            pending = NOTHING;
            return;
        }
        // A copy: MINA reuses its read buffer once the handler returns.
        ByteBuffer copy = ByteBuffer.allocate(rest.remaining());
        copy.put(rest).flip();
        pending = copy;
    }
}
