package org.confab.text.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {

    private static final HexFormat HEX = HexFormat.of();

    // Vectors computed once with Python's pow() and hashlib (see the commit message).
    private static final BigInteger SERVER_EXPONENT = new BigInteger("a5".repeat(32), 16);
    private static final String SERVER_PUBLIC_HEX =
            "796bb2c8ef118ce85d182e9d09a9a67dbbdfad293b8f688c58c7d6121f594f9ddd3a320803c2d4804b4d7dd8fe2c9cee"
                    + "069174f5f52a9cfaf8b3ba1a54601b6d2aee1da6239d4fbabc16a69e03f8896b569b094ba7d9372f156c83a1a7dd1316";
    private static final BigInteger CLIENT_EXPONENT = new BigInteger("5a".repeat(31) + "62", 16);
    private static final String CLIENT_PUBLIC_HEX =
            "165ed8bf05ce6223db45ea4d3d0759606a5bf73b24aa48360197589f3e05a0fe781ee8f9bacdf45f5ae584cde7d7beb1"
                    + "ed3c5bff3cb606fb8d989c290bb4213b90abe93bb3251f1daa5f788ba8426696494db7091472a5c40b3b9b8bd500b467";
    // The client exponent was chosen so that S has a leading zero byte: 95 bytes after stripping.
    private static final String SHARED_SECRET_HEX =
            "fe0f955ce4a548430422ad1db8c834f050cafb142f922a6b829c05e6ba44058b3600e2f57bbc6f0d158774f5fd994aae"
                    + "1c31a8f48900e026d7b5f189f2b57396cc353f3a008e98cb8f1960346b9874a213f19e7f780629c9048bbabbfb8644";
    private static final String ENC_KEY_HEX = "edcab6848d8b85c08b3f27fcb551d142f0a78c61d3aa3f8219a5c455e1632144";
    private static final String MAC_KEY_HEX = "d1d4b3b3982cfcc14cb9cf31af84ac61fad4026e55228b43a24e33bc0c13df8d";

    @Test
    void helloFrameIsLengthThenMinimalPublicValue() {
        byte[] hello = new Handshake(new DhKeyPair(SERVER_EXPONENT)).helloFrame();

        assertThat(HEX.formatHex(hello)).isEqualTo("0060" + SERVER_PUBLIC_HEX);
    }

    @Test
    void helloFrameStripsLeadingZeroBytes() {
        // 2^752 is 0x01 followed by 94 zero bytes.
        byte[] hello = new Handshake(new DhKeyPair(BigInteger.valueOf(752))).helloFrame();

        assertThat(HEX.formatHex(hello)).isEqualTo("005f01" + "00".repeat(94));
    }

    @Test
    void derivesKnownKeysWhoseSecretHasALeadingZeroByte() {
        Handshake server = new Handshake(new DhKeyPair(SERVER_EXPONENT));

        SessionKeys keys = server.readPeerHello(ByteBuffer.wrap(HEX.parseHex("0060" + CLIENT_PUBLIC_HEX)));

        assertThat(HEX.formatHex(keys.encKey())).isEqualTo(ENC_KEY_HEX);
        assertThat(HEX.formatHex(keys.macKey())).isEqualTo(MAC_KEY_HEX);
    }

    @Test
    void knownAnswerAgreesWithFirstPrinciples() throws Exception {
        BigInteger clientPublic = BigInteger.TWO.modPow(CLIENT_EXPONENT, DhGroup.P);
        BigInteger shared = clientPublic.modPow(SERVER_EXPONENT, DhGroup.P);
        byte[] secret = HEX.parseHex(SHARED_SECRET_HEX);

        assertThat(HEX.formatHex(clientPublic.toByteArray()).replaceFirst("^(00)+", "")).isEqualTo(CLIENT_PUBLIC_HEX);
        assertThat(new BigInteger(1, secret)).isEqualTo(shared);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(secret);
        assertThat(HEX.formatHex(sha256.digest("|KEY".getBytes()))).isEqualTo(ENC_KEY_HEX);
    }

    @Test
    void clientAndServerAgree() {
        SecureRandom random = new SecureRandom();
        Handshake server = new Handshake(random);
        Handshake client = new Handshake(random);

        SessionKeys clientKeys = client.readPeerHello(ByteBuffer.wrap(server.helloFrame()));
        SessionKeys serverKeys = server.readPeerHello(ByteBuffer.wrap(client.helloFrame()));

        assertThat(serverKeys).isEqualTo(clientKeys);
        assertThat(serverKeys.encKey()).isNotEqualTo(serverKeys.macKey());
    }

    @Test
    void generatedExponentsDiffer() {
        SecureRandom random = new SecureRandom();

        assertThat(new Handshake(random).helloFrame()).isNotEqualTo(new Handshake(random).helloFrame());
    }

    @Test
    void oneByteAtATimeReturnsNullUntilCompleteAndLeavesTheRest() {
        Handshake server = new Handshake(new DhKeyPair(SERVER_EXPONENT));
        byte[] hello = HEX.parseHex("0060" + CLIENT_PUBLIC_HEX + "abcd");
        ByteBuffer buffer = ByteBuffer.allocate(hello.length);

        SessionKeys keys = null;
        int fed = 0;
        while (keys == null) {
            buffer.put(hello[fed++]).flip();
            keys = server.readPeerHello(buffer);
            if (keys == null) {
                assertThat(buffer.position()).isZero();
            }
            buffer.compact();
        }

        assertThat(fed).isEqualTo(2 + 96);
        assertThat(HEX.formatHex(keys.encKey())).isEqualTo(ENC_KEY_HEX);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void acceptsLeadingZeroBytesFromSloppyPeers() {
        Handshake server = new Handshake(new DhKeyPair(SERVER_EXPONENT));

        SessionKeys keys = server.readPeerHello(ByteBuffer.wrap(HEX.parseHex("0062" + "0000" + CLIENT_PUBLIC_HEX)));

        assertThat(HEX.formatHex(keys.macKey())).isEqualTo(MAC_KEY_HEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000", "0081", "ffff"})
    void rejectsLengthBeforeTheValueArrives(String header) {
        Handshake server = new Handshake(new SecureRandom());

        assertThatThrownBy(() -> server.readPeerHello(ByteBuffer.wrap(HEX.parseHex(header))))
                .isInstanceOf(SecureChannelException.class)
                .hasMessageContaining("length");
    }

    @Test
    void rejectsPublicValuesOutsideTheGroup() {
        Handshake server = new Handshake(new SecureRandom());
        BigInteger p = DhGroup.P;

        for (BigInteger bad : new BigInteger[] {
                BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p, p.add(BigInteger.ONE), BigInteger.TWO.pow(1000)}) {
            byte[] value = bad.signum() == 0 ? new byte[1] : DhGroup.toMinimalBytes(bad);
            ByteBuffer hello = ByteBuffer.allocate(2 + value.length).putShort((short) value.length).put(value).flip();

            assertThatThrownBy(() -> server.readPeerHello(hello))
                    .as("peer value %s", bad)
                    .isInstanceOf(SecureChannelException.class)
                    .hasMessageContaining("out of range");
        }
    }

    @Test
    void acceptsTheSmallestAndLargestValidValues() {
        Handshake server = new Handshake(new SecureRandom());

        for (BigInteger good : new BigInteger[] {BigInteger.TWO, DhGroup.P.subtract(BigInteger.TWO)}) {
            byte[] value = DhGroup.toMinimalBytes(good);
            ByteBuffer hello = ByteBuffer.allocate(2 + value.length).putShort((short) value.length).put(value).flip();

            assertThat(server.readPeerHello(hello)).isNotNull();
        }
    }
}
