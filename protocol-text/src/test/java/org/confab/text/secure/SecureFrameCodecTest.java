package org.confab.text.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecureFrameCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ENC_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] MAC_KEY = HEX.parseHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    private static final byte[] FIXED_IV = HEX.parseHex("f0e0d0c0b0a090807060504030201000");
    private static final SessionKeys KEYS = new SessionKeys(ENC_KEY, MAC_KEY);

    // Expected frames computed with Python's "cryptography" package (OpenSSL) and hmac.
    private static final String GREETING_FRAME = "00000060" + "f0e0d0c0b0a090807060504030201000"
            + "8f48e76265360fdf07e968fcf6e5e8243219929c2db4543b111de63a0d17accc2b5f1af37030ffe84d75de769cb9256e"
            + "7dbad1aa98895c4a4ed52684a7d2f5df523c4cea7b6dc3944c94102e2016d253";
    private static final String EMPTY_FRAME = "00000040" + "f0e0d0c0b0a090807060504030201000"
            + "6dc2fa6c9d4838492909dcf4dd4990975445e3091e39c57e11def8f63ab0e4ad627b17b3850437cd890bf96f95ae63de";
    private static final String UNICODE_FRAME = "00000050" + "f0e0d0c0b0a090807060504030201000"
            + "489817486594567de7f4d1867681ce0c330efa0e75f26355a8981a2ab8df35b0a9ecb7e2490ce7be661d69e43500366927"
            + "802eb46ce44fc5acbe9a623fd015cb";

    private static SecureFrameCodec fixedIvCodec() {
        return new SecureFrameCodec(KEYS, SecureFrameCodec.DEFAULT_MAX_PLAINTEXT_BYTES, iv -> System.arraycopy(FIXED_IV, 0, iv, 0, iv.length));
    }

    private static SecureFrameCodec codec() {
        return new SecureFrameCodec(KEYS);
    }

    @Test
    void encodesKnownFrames() {
        SecureFrameCodec codec = fixedIvCodec();

        assertThat(HEX.formatHex(codec.encode("Enter command (/login /register): "))).isEqualTo(GREETING_FRAME);
        assertThat(HEX.formatHex(codec.encode(""))).isEqualTo(EMPTY_FRAME);
        assertThat(HEX.formatHex(codec.encode("Привет, мир! 😀"))).isEqualTo(UNICODE_FRAME);
    }

    @Test
    void decodesKnownFrames() {
        SecureFrameCodec codec = codec();

        assertThat(codec.decode(ByteBuffer.wrap(HEX.parseHex(GREETING_FRAME)))).isEqualTo("Enter command (/login /register): ");
        assertThat(codec.decode(ByteBuffer.wrap(HEX.parseHex(EMPTY_FRAME)))).isEmpty();
        assertThat(codec.decode(ByteBuffer.wrap(HEX.parseHex(UNICODE_FRAME)))).isEqualTo("Привет, мир! 😀");
    }

    @Test
    void randomIvsDiffer() {
        SecureFrameCodec codec = codec();

        assertThat(codec.encode("same")).isNotEqualTo(codec.encode("same"));
    }

    @Test
    void roundTripsBetweenClientAndServerAfterHandshake() {
        SecureRandom random = new SecureRandom();
        Handshake server = new Handshake(random);
        Handshake client = new Handshake(random);
        SecureFrameCodec clientCodec = new SecureFrameCodec(client.readPeerHello(ByteBuffer.wrap(server.helloFrame())));
        SecureFrameCodec serverCodec = new SecureFrameCodec(server.readPeerHello(ByteBuffer.wrap(client.helloFrame())));

        assertThat(serverCodec.decode(ByteBuffer.wrap(clientCodec.encode("/login alice s3cret")))).isEqualTo("/login alice s3cret");
        assertThat(clientCodec.decode(ByteBuffer.wrap(serverCodec.encode("Login successful.")))).isEqualTo("Login successful.");
    }

    @Test
    void largestAllowedMessageRoundTrips() {
        String text = "x".repeat(SecureFrameCodec.DEFAULT_MAX_PLAINTEXT_BYTES);
        byte[] frame = codec().encode(text);

        assertThat(frame).hasSize(4 + 16 + 32_784 + 32);
        assertThat(codec().decode(ByteBuffer.wrap(frame))).isEqualTo(text);
    }

    @Test
    void oneByteAtATime() {
        SecureFrameCodec codec = codec();
        byte[] frame = codec.encode("fragmented input");
        ByteBuffer buffer = ByteBuffer.allocate(frame.length);

        for (int i = 0; i < frame.length - 1; i++) {
            buffer.put(frame[i]).flip();
            assertThat(codec.decode(buffer)).isNull();
            assertThat(buffer.position()).isZero();
            buffer.compact();
        }
        buffer.put(frame[frame.length - 1]).flip();

        assertThat(codec.decode(buffer)).isEqualTo("fragmented input");
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void twoFramesInOneBufferThenAPartialThird() {
        SecureFrameCodec codec = codec();
        byte[] third = codec.encode("three");
        ByteBuffer buffer = ByteBuffer.allocate(200)
                .put(codec.encode("one"))
                .put(codec.encode("two"))
                .put(third, 0, 10)
                .flip();

        assertThat(codec.decode(buffer)).isEqualTo("one");
        assertThat(codec.decode(buffer)).isEqualTo("two");
        int partialAt = buffer.position();
        assertThat(codec.decode(buffer)).isNull();
        assertThat(buffer.position()).isEqualTo(partialAt);
        assertThat(buffer.remaining()).isEqualTo(10);
    }

    @Test
    void ignoresTheBufferByteOrder() {
        ByteBuffer buffer = ByteBuffer.wrap(HEX.parseHex(GREETING_FRAME)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(codec().decode(buffer)).isEqualTo("Enter command (/login /register): ");
    }

    @Test
    void decodesFromAnOffsetInsideTheBuffer() {
        byte[] frame = codec().encode("offset");
        ByteBuffer buffer = ByteBuffer.allocate(frame.length + 7);
        buffer.position(7);
        buffer.put(frame).position(7);

        assertThat(codec().decode(buffer)).isEqualTo("offset");
        assertThat(buffer.position()).isEqualTo(frame.length + 7);
    }

    @Test
    void rejectsATamperedMac() {
        assertTamperedAt(HEX.parseHex(GREETING_FRAME).length - 1);
    }

    @Test
    void rejectsATamperedIv() {
        assertTamperedAt(4);
    }

    @Test
    void rejectsTamperedCiphertext() {
        assertTamperedAt(4 + 16 + 5);
    }

    private static void assertTamperedAt(int index) {
        byte[] frame = HEX.parseHex(GREETING_FRAME);
        frame[index] ^= 0x01;

        assertThatThrownBy(() -> codec().decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(SecureChannelException.class)
                .hasMessageContaining("MAC");
    }

    @Test
    void rejectsAFrameMadeWithOtherKeys() {
        byte[] frame = new SecureFrameCodec(SessionKeys.derive(new byte[] {1})).encode("hello");

        assertThatThrownBy(() -> codec().decode(ByteBuffer.wrap(frame))).isInstanceOf(SecureChannelException.class);
    }

    /** Only the four length bytes are supplied: the codec must judge them before waiting for (or allocating) a body. */
    @ParameterizedTest
    @ValueSource(strings = {
        "00000000", // empty
        "0000003f", // one short of IV + block + MAC
        "00000041", // ciphertext not a multiple of 16
        "0000004f", // ditto
        "80000040", // negative as a signed int
        "ffffffff", // huge / -1
        "7fffffff", // huge
        "00008050", // one block above the default maximum (16 + 32,784 + 32 = 0x8040)
    })
    void rejectsImpossibleLengthsFromTheHeaderAlone(String header) {
        assertThatThrownBy(() -> codec().decode(ByteBuffer.wrap(HEX.parseHex(header))))
                .isInstanceOf(SecureChannelException.class)
                .hasMessageContaining("length");
    }

    @Test
    void acceptsTheMaximumLengthHeaderAndWaitsForTheBody() {
        ByteBuffer header = ByteBuffer.wrap(HEX.parseHex("00008040"));

        assertThat(codec().decode(header)).isNull();
        assertThat(header.position()).isZero();
    }

    @Test
    void maximumIsAConstructorParameter() {
        SecureFrameCodec small = new SecureFrameCodec(KEYS, 100);
        byte[] fits = codec().encode("y".repeat(100));
        byte[] tooLong = codec().encode("y".repeat(101));
        byte[] wayTooLong = codec().encode("y".repeat(112));

        assertThat(small.decode(ByteBuffer.wrap(fits))).hasSize(100);
        // 101 bytes pad to the same 112-byte ciphertext as 100: caught after decryption.
        assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(tooLong)))
                .isInstanceOf(SecureChannelException.class)
                .hasMessageContaining("exceeds 100");
        assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(wayTooLong)))
                .isInstanceOf(SecureChannelException.class)
                .hasMessageContaining("length");
    }

    @Test
    void rejectsBadPaddingUnderAValidMac() throws Exception {
        byte[] block = new byte[16];
        block[15] = 17; // no PKCS#7 pad is longer than a block

        assertThatThrownBy(() -> codec().decode(ByteBuffer.wrap(rawFrame(block))))
                .isInstanceOf(SecureChannelException.class)
                .hasMessageContaining("padding");
    }

    @Test
    void rejectsInconsistentPaddingBytes() throws Exception {
        byte[] block = java.util.Arrays.copyOf("abcdefghijklm".getBytes(), 16);
        block[13] = 3;
        block[14] = 2;
        block[15] = 3;

        assertThatThrownBy(() -> codec().decode(ByteBuffer.wrap(rawFrame(block)))).isInstanceOf(SecureChannelException.class);
    }

    @Test
    void replacesInvalidUtf8() throws Exception {
        byte[] block = new byte[16];
        block[0] = 'a';
        block[1] = (byte) 0xC3; // truncated two-byte sequence
        block[2] = 'b';
        java.util.Arrays.fill(block, 3, 16, (byte) 13);

        assertThat(codec().decode(ByteBuffer.wrap(rawFrame(block)))).isEqualTo("a\uFFFDb");
    }

    /** A frame around already padded bytes, built with plain JCE so padding can be wrong. */
    private static byte[] rawFrame(byte[] paddedPlaintext) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ENC_KEY, "AES"), new IvParameterSpec(FIXED_IV));
        byte[] ciphertext = aes.doFinal(paddedPlaintext);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(MAC_KEY, "HmacSHA256"));
        hmac.update(FIXED_IV);
        byte[] mac = hmac.doFinal(ciphertext);
        return ByteBuffer.allocate(4 + 16 + ciphertext.length + 32)
                .putInt(16 + ciphertext.length + 32)
                .put(FIXED_IV)
                .put(ciphertext)
                .put(mac)
                .array();
    }
}
