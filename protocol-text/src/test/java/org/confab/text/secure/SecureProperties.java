package org.confab.text.secure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SecureProperties {

    private static final SessionKeys KEYS = SessionKeys.derive(new byte[] {1, 2, 3});
    private static final DhKeyPair SERVER_KEY = new DhKeyPair(new BigInteger("a5".repeat(32), 16));

    @Property
    void randomStreamsOnlyEverYieldSecureChannelException(
            @ForAll @Size(max = 3000) byte[] stream, @ForAll @IntRange(min = 1, max = 300) int chunk) {
        SecureFrameCodec codec = new SecureFrameCodec(KEYS);
        try {
            feedInChunks(stream, chunk, codec);
        } catch (SecureChannelException expected) {
            // the server closes the connection here
        }
    }

    @Property
    void wellFramedGarbageFailsTheMac(
            @ForAll @IntRange(min = 1, max = 64) int blocks, @ForAll @Size(min = 16 * 64 + 48, max = 16 * 64 + 48) byte[] noise) {
        int length = 16 + blocks * 16 + 32;
        ByteBuffer frame = ByteBuffer.allocate(4 + length).putInt(length).put(noise, 0, length).flip();

        try {
            new SecureFrameCodec(KEYS).decode(frame);
            throw new AssertionError("forged frame accepted");
        } catch (SecureChannelException expected) {
            assertThat(expected).hasMessageContaining("MAC");
        }
    }

    @Property
    void anyTextRoundTripsThroughAnyFragmentation(
            @ForAll @Size(max = 2000) String text, @ForAll @IntRange(min = 1, max = 100) int chunk) {
        SecureFrameCodec sender = new SecureFrameCodec(KEYS);
        SecureFrameCodec receiver = new SecureFrameCodec(KEYS);
        byte[] frame = sender.encode(text);

        ByteBuffer buffer = ByteBuffer.allocate(frame.length);
        String decoded = null;
        for (int at = 0; at < frame.length; at += chunk) {
            assertThat(decoded).isNull();
            buffer.put(frame, at, Math.min(chunk, frame.length - at)).flip();
            decoded = receiver.decode(buffer);
            buffer.compact();
        }

        // Lone surrogates cannot be UTF-8 encoded; Java sends '?' for them, as for any unencodable char.
        assertThat(decoded).isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(buffer.position()).isZero();
    }

    @Property
    void randomHandshakeBytesOnlyEverYieldSecureChannelException(
            @ForAll @Size(max = 300) byte[] stream, @ForAll @IntRange(min = 1, max = 50) int chunk) {
        Handshake server = new Handshake(SERVER_KEY);
        ByteBuffer buffer = ByteBuffer.allocate(stream.length);
        try {
            for (int at = 0; at < stream.length; at += chunk) {
                buffer.put(stream, at, Math.min(chunk, stream.length - at)).flip();
                SessionKeys keys = server.readPeerHello(buffer);
                buffer.compact();
                if (keys != null) {
                    return;
                }
            }
        } catch (SecureChannelException expected) {
            // the server closes the connection here
        }
    }

    @Property
    void anyWellFramedPeerValueYieldsKeysOrSecureChannelException(@ForAll @Size(min = 1, max = 128) byte[] value) {
        ByteBuffer hello = ByteBuffer.allocate(2 + value.length).putShort((short) value.length).put(value).flip();
        BigInteger peer = new BigInteger(1, value);
        boolean valid = peer.compareTo(BigInteger.ONE) > 0 && peer.compareTo(DhGroup.P.subtract(BigInteger.ONE)) < 0;

        try {
            assertThat(new Handshake(SERVER_KEY).readPeerHello(hello)).isNotNull();
            assertThat(valid).isTrue();
        } catch (SecureChannelException e) {
            assertThat(valid).isFalse();
        }
    }

    private static void feedInChunks(byte[] stream, int chunk, SecureFrameCodec codec) {
        ByteBuffer buffer = ByteBuffer.allocate(stream.length);
        for (int at = 0; at < stream.length; at += chunk) {
            buffer.put(stream, at, Math.min(chunk, stream.length - at)).flip();
            while (codec.decode(buffer) != null) {
                // keep draining complete frames
            }
            buffer.compact();
        }
    }
}
