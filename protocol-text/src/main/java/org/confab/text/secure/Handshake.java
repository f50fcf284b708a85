package org.confab.text.secure;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * The encrypted port's Diffie-Hellman exchange. Both roles do the same thing, only the order
 * differs: the server writes {@link #helloFrame()} as soon as the connection opens, then feeds
 * incoming bytes to {@link #readPeerHello}; a client reads the server's hello first and then
 * writes its own (DMCD clients do so, though nothing depends on the order).
 */
public final class Handshake {

    private static final int LENGTH_BYTES = 2;

    /**
     * A minimal value never exceeds {@link DhGroup#BYTES}; the slack admits peers that keep a
     * sign byte (Java's {@code BigInteger.toByteArray}) or pad to a fixed width.
     */
    public static final int MAX_PEER_VALUE_BYTES = 128;

    private final DhKeyPair keyPair;

    public Handshake(SecureRandom random) {
        this(DhKeyPair.generate(random));
    }

    Handshake(DhKeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** 2-byte big-endian length, then this side's public value without leading zero bytes. */
    public byte[] helloFrame() {
        byte[] value = DhGroup.toMinimalBytes(keyPair.publicValue());
        byte[] frame = new byte[LENGTH_BYTES + value.length];
        frame[0] = (byte) (value.length >>> 8);
        frame[1] = (byte) value.length;
        System.arraycopy(value, 0, frame, LENGTH_BYTES, value.length);
        return frame;
    }

    /**
     * Consumes the peer's hello once it is complete and derives the session keys. Bytes after
     * the hello are left in the buffer: they are already the first encrypted frame.
     *
     * @return the keys, or null (buffer position untouched) while the hello is incomplete
     * @throws SecureChannelException on a length of 0 or above {@link #MAX_PEER_VALUE_BYTES},
     *     or a public value outside 2..p-2
     */
    public SessionKeys readPeerHello(ByteBuffer in) {
        if (in.remaining() < LENGTH_BYTES) {
            return null;
        }
        int start = in.position();
        int length = (in.get(start) & 0xFF) << 8 | in.get(start + 1) & 0xFF;
        if (length == 0 || length > MAX_PEER_VALUE_BYTES) {
            throw new SecureChannelException("peer DH value length " + length + " out of range");
        }
        if (in.remaining() < LENGTH_BYTES + length) {
            return null;
        }
        byte[] value = new byte[length];
        in.get(start + LENGTH_BYTES, value);
        in.position(start + LENGTH_BYTES + length);
        return SessionKeys.derive(keyPair.sharedSecret(new BigInteger(1, value)));
    }
}
