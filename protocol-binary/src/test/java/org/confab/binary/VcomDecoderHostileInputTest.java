package org.confab.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.confab.binary.VcomProtocolException.Reason;
import org.confab.binary.Wire.Direction;
import org.confab.binary.Wire.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VcomDecoderHostileInputTest {

    private static final VcomLimits UNLIMITED =
            new VcomLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 1024);

    static List<Sample> samples() {
        return Wire.SAMPLES;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 275, 1000, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void unknownIdentifiersAreRejectedInBothDirections(int id) {
        String hex = HexFormat.of().toHexDigits(id) + "00000000";

        assertRejected(Direction.CLIENT_TO_SERVER, hex, Reason.UNKNOWN_PACKET, id);
        assertRejected(Direction.SERVER_TO_CLIENT, hex, Reason.UNKNOWN_PACKET, id);
    }

    @Test
    void anUnknownIdentifierIsRejectedAsSoonAsItsFourBytesArrive() {
        assertRejected(Direction.CLIENT_TO_SERVER, "00000113", Reason.UNKNOWN_PACKET, 275);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "user id,   00000100 ffffffff",
        "password,  00000100 00000001 61 00000001 80000000",
        "data,      0000010a 00000001 61 0000000000000000 01 fffffffe",
        "file name, 0000010c 00000001 61 00000010 ffffffff",
    })
    void negativeLengthsAreRejected(String field, String hex) {
        assertRejected(Direction.CLIENT_TO_SERVER, hex, Reason.NEGATIVE_LENGTH, idOf(hex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "user id of Integer.MAX_VALUE,      00000100 7fffffff",
        "user id one over 4 KiB,            00000100 00001001",
        "password one over 4 KiB,           00000100 00000001 61 00000001 00001001",
        "data of Integer.MAX_VALUE,         0000010b 00000001 0000000000000000 01 7fffffff",
        "data one over 64 KiB,              0000010b 00000001 0000000000000000 01 00010001",
        "chunk one over 64 KiB,             00000111 00000001 00010001",
        "file name of Integer.MAX_VALUE,    0000010c 00000001 61 00000010 7fffffff",
    })
    void lengthsOverTheirLimitAreRejectedBeforeTheirBytesArrive(String field, String hex) {
        assertRejected(Direction.CLIENT_TO_SERVER, hex, Reason.LENGTH_OVER_LIMIT, idOf(hex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "friendlist count -1,                00000104 02 ffffffff,          NEGATIVE_COUNT",
        "blocklist count Integer.MIN_VALUE,  00000104 00 02 80000000,       NEGATIVE_COUNT",
        "friendlist count Integer.MAX_VALUE, 00000104 02 7fffffff,          COUNT_OVER_LIMIT",
        "blocklist count 10001,              00000104 01 02 00002711,       COUNT_OVER_LIMIT",
        "entry of Integer.MAX_VALUE,         00000104 02 00000001 7fffffff, LENGTH_OVER_LIMIT",
        "entry of -1,                        00000104 02 00000001 ffffffff, NEGATIVE_LENGTH",
    })
    void badListCountsAndEntriesAreRejected(String what, String hex, Reason reason) {
        assertRejected(Direction.CLIENT_TO_SERVER, hex, reason, UserListsSync.ID);
    }

    @Test
    void serverListsAreCheckedLikeClientLists() {
        assertRejected(Direction.SERVER_TO_CLIENT, "00000105 ffffffff", Reason.NEGATIVE_COUNT, FriendlistSync.ID);
        assertRejected(Direction.SERVER_TO_CLIENT, "00000106 00002711", Reason.COUNT_OVER_LIMIT, BlocklistSync.ID);
        assertRejected(Direction.SERVER_TO_CLIENT, "00000107 00010001", Reason.LENGTH_OVER_LIMIT, Broadcast.ID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "friend flag 3,   00000104 03",
        "friend flag -1,  00000104 ff",
        "block flag 3,    00000104 00 03",
        "block flag 127,  00000104 02 00000000 7f",
    })
    void invalidListSyncFlagsAreRejected(String what, String hex) {
        assertRejected(Direction.CLIENT_TO_SERVER, hex, Reason.INVALID_SYNC_FLAG, UserListsSync.ID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTruncationOfAPacketIsIncompleteRatherThanAnError(Sample sample) {
        byte[] wire = sample.bytes();
        Direction direction = Wire.directionsOf(sample.packet().id()).iterator().next();
        for (int length = 0; length < wire.length; length++) {
            ByteBuffer in = ByteBuffer.wrap(wire, 0, length);

            assertThat(Wire.decoder(direction).decode(in)).as("first %d bytes", length).isNull();
            assertThat(in.position()).isZero();
        }
    }

    @Test
    void aChunkOverTheChunkLimitButWithinTheDataLimitDecodes() {
        ByteBuffer in = ByteBuffer.allocate(4 + 4 + 4 + 1025)
                .putInt(FileChunk.ID).putInt(3).putInt(1025).put(new byte[1025]).flip();

        VcomPacket packet = Wire.decoder(Direction.CLIENT_TO_SERVER).decode(in);

        assertThat(packet).isEqualTo(new FileChunk(3, new byte[1025]));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void stringsAndDataExactlyAtTheirLimitDecode() {
        VcomLimits limits = new VcomLimits(3, 5, 2, 4);
        ByteBuffer in = ByteBuffer.wrap(Wire.bytes(
                "0000010a 00000003 616263 0000000000000000 01 00000005 0102030405"
                + "00000104 02 00000002 00000000 00000003 78797a 00"));
        VcomDecoder decoder = VcomDecoder.clientToServer(limits);

        assertThat(decoder.decode(in)).isEqualTo(new SendUnicast("abc", 0L, true, new byte[] {1, 2, 3, 4, 5}));
        assertThat(decoder.decode(in))
                .isEqualTo(new UserListsSync(ListSync.clientNewer(List.of("", "xyz")), ListSync.IN_SYNC));
    }

    @Test
    void theConfiguredLimitsAreTheOnesEnforced() {
        VcomLimits tight = new VcomLimits(3, 5, 2, 4);

        assertThat(rejection(VcomDecoder.clientToServer(tight), "00000100 00000004"))
                .isEqualTo(Reason.LENGTH_OVER_LIMIT);
        assertThat(rejection(VcomDecoder.clientToServer(tight), "00000111 00000001 00000006"))
                .isEqualTo(Reason.LENGTH_OVER_LIMIT);
        assertThat(rejection(VcomDecoder.clientToServer(tight), "00000104 02 00000003"))
                .isEqualTo(Reason.COUNT_OVER_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 28, Integer.MAX_VALUE - 8})
    void aClaimedHugeFieldWithFewBytesPresentAllocatesNothingLarge(int claimedLength) {
        // With no limit in the way, only the completeness check stands between this header and a huge array.
        ByteBuffer in = ByteBuffer.allocate(64).putInt(SendMulticast.ID).putInt(1).putLong(0L).put((byte) 1)
                .putInt(claimedLength).put(new byte[16]).flip();
        VcomPacket[] result = new VcomPacket[1];

        long allocated = AllocatedBytes.ofSecondRun(() -> result[0] = VcomDecoder.clientToServer(UNLIMITED).decode(in));

        assertThat(result[0]).isNull();
        assertThat(in.position()).isZero();
        assertThat(allocated).isLessThan(64 * 1024);
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 24, Integer.MAX_VALUE})
    void aClaimedHugeListWithFewEntriesPresentAllocatesNothingLarge(int claimedCount) {
        ByteBuffer in = ByteBuffer.allocate(64).putInt(UserListsSync.ID).put((byte) 2).putInt(claimedCount)
                .putInt(1).put((byte) 'a').putInt(0).flip();
        VcomPacket[] result = new VcomPacket[1];

        long allocated = AllocatedBytes.ofSecondRun(() -> result[0] = VcomDecoder.clientToServer(UNLIMITED).decode(in));

        assertThat(result[0]).isNull();
        assertThat(allocated).isLessThan(64 * 1024);
    }

    @Test
    void aMalformedConnectionRequestIsReportedAsSuchSoTheServerCanDenyIt() {
        ByteBuffer in = ByteBuffer.wrap(Wire.bytes("00000100 00001001"));

        VcomProtocolException e = catchThrowableOfType(VcomProtocolException.class,
                () -> Wire.decoder(Direction.CLIENT_TO_SERVER).decode(in));

        assertThat(e.packetId()).isEqualTo(ConnectionRequest.ID);
        assertThat(e.getMessage()).contains("256").contains("4097");
    }

    private static void assertRejected(Direction direction, String hex, Reason reason, int packetId) {
        ByteBuffer in = ByteBuffer.wrap(Wire.bytes(hex));
        VcomProtocolException e =
                catchThrowableOfType(VcomProtocolException.class, () -> Wire.decoder(direction).decode(in));

        assertThat(e).as("rejection of %s", hex).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.packetId()).isEqualTo(packetId);
        assertThat(in.position()).as("position after rejection").isZero();
    }

    private static int idOf(String hex) {
        return ByteBuffer.wrap(Wire.bytes(hex)).getInt();
    }

    private static Reason rejection(VcomDecoder decoder, String hex) {
        ByteBuffer in = ByteBuffer.wrap(Wire.bytes(hex));
        VcomProtocolException e = catchThrowableOfType(VcomProtocolException.class, () -> decoder.decode(in));
        assertThat(e).as("rejection of %s", hex).isNotNull();
        return e.reason();
    }
}
