package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.confab.binary.VcomProtocolException.Reason;
import org.confab.binary.Wire.Direction;
import org.confab.binary.Wire.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VcomWireFormatTest {

    private final VcomEncoder encoder = new VcomEncoder();

    static List<Sample> samples() {
        return Wire.SAMPLES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesTheExactBytes(Sample sample) {
        String expected = sample.hex().replace(" ", "");

        assertThat(HexFormat.of().formatHex(encoder.encode(sample.packet()))).isEqualTo(expected);
        assertThat(encoder.encodedSize(sample.packet())).isEqualTo(expected.length() / 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesTheBytesInEveryDirectionThePacketTravels(Sample sample) {
        for (Direction direction : Wire.directionsOf(sample.packet().id())) {
            ByteBuffer in = ByteBuffer.wrap(sample.bytes());

            assertThat(Wire.decoder(direction).decode(in)).as(direction.name()).isEqualTo(sample.packet());
            assertThat(in.hasRemaining()).as("bytes left over").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void rejectsThePacketInTheDirectionItDoesNotTravel(Sample sample) {
        Set<Direction> wrong = EnumSet.complementOf(EnumSet.copyOf(Wire.directionsOf(sample.packet().id())));
        for (Direction direction : wrong) {
            ByteBuffer in = ByteBuffer.wrap(sample.bytes());

            assertThatThrownBy(() -> Wire.decoder(direction).decode(in))
                    .isInstanceOfSatisfying(VcomProtocolException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_DIRECTION);
                        assertThat(e.packetId()).isEqualTo(sample.packet().id());
                    });
            assertThat(in.position()).isZero();
        }
    }

    @Test
    void samplesCoverEveryPacketAndEveryPacketHasADirection() {
        Set<Integer> all = IntStream.rangeClosed(256, 274).boxed().collect(Collectors.toSet());
        Set<Integer> directed = new HashSet<>(Wire.CLIENT_TO_SERVER_IDS);
        directed.addAll(Wire.SERVER_TO_CLIENT_IDS);

        assertThat(Wire.SAMPLES.stream().map(s -> s.packet().id()).collect(Collectors.toSet())).isEqualTo(all);
        assertThat(directed).isEqualTo(all);
    }

    @Test
    void anyNonZeroBooleanByteReadsAsTrueAndIsWrittenAsOne() {
        byte[] wire = Wire.bytes("00000108 00000001 62 7f 0000000000000005 80 00000000");

        VcomPacket packet = Wire.decoder(Direction.SERVER_TO_CLIENT).decode(ByteBuffer.wrap(wire));

        assertThat(packet).isEqualTo(new UnicastMessage("b", true, 5L, true, new byte[0]));
        assertThat(encoder.encode(packet))
                .isEqualTo(Wire.bytes("00000108 00000001 62 01 0000000000000005 01 00000000"));
    }

    @Test
    void denyCodesAndAbortReasonsTheSpecDoesNotKnowSurvive() {
        VcomDecoder client = Wire.decoder(Direction.SERVER_TO_CLIENT);

        VcomPacket deny = client.decode(ByteBuffer.wrap(Wire.bytes("00000102 fe")));
        VcomPacket abort = client.decode(ByteBuffer.wrap(Wire.bytes("0000010e 00000001 0000fffe")));

        assertThat(deny).isEqualTo(new ConnectionDeny((byte) -2));
        assertThat(DenyCode.fromCode(((ConnectionDeny) deny).code())).isEmpty();
        assertThat(abort).isEqualTo(new FileTransferAbort(1, 0xfffe));
        assertThat(AbortReason.fromCode(((FileTransferAbort) abort).reason())).isEmpty();
    }

    @Test
    void invalidUtf8DecodesWithReplacementCharacters() {
        byte[] wire = Wire.bytes("00000100 00000003 fffe61 00000001 00000000");

        VcomPacket packet = Wire.decoder(Direction.CLIENT_TO_SERVER).decode(ByteBuffer.wrap(wire));

        assertThat(((ConnectionRequest) packet).userId()).isEqualTo("\uFFFD\uFFFDa");
    }

    @Test
    void readsBigEndianFromLittleEndianAndDirectBuffers() {
        byte[] wire = Wire.bytes("00000111 00000009 00000002 abcd");
        ByteBuffer little = ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
        FileChunk expected = new FileChunk(9, new byte[] {(byte) 0xab, (byte) 0xcd});

        assertThat(Wire.decoder(Direction.CLIENT_TO_SERVER).decode(little)).isEqualTo(expected);
        assertThat(Wire.decoder(Direction.CLIENT_TO_SERVER).decode(direct)).isEqualTo(expected);
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(direct.hasRemaining()).isFalse();
    }

    @Test
    void encodesBigEndianAtTheBufferPositionAndAdvancesPastThePacket() {
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x55);

        encoder.encode(new FileTransferId(0x01020304), out);

        assertThat(out.position()).isEqualTo(9);
        assertThat(HexFormat.of().formatHex(out.array(), 0, 9)).isEqualTo("550000010d01020304");
    }

    @Test
    void encodingIntoATooSmallBufferFailsWithoutMovingItsPosition() {
        ByteBuffer out = ByteBuffer.allocate(10);
        out.position(3);

        assertThatThrownBy(() -> encoder.encode(new Broadcast("hello".getBytes(UTF_8)), out))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isEqualTo(3);
    }

    @Test
    void encodedSizeCountsUtf8BytesIncludingSurrogatePairs() {
        // "é" is 2 bytes, "€" 3, U+1F600 (a surrogate pair) 4, and a lone surrogate becomes one '?'.
        String name = "é€\uD83D\uDE00\uD800";
        FileTransferRequest packet = new FileTransferRequest(name, 0, "");

        assertThat(encoder.encodedSize(packet)).isEqualTo(4 + 4 + 10 + 4 + 4);
        assertThat(encoder.encode(packet)).hasSize(4 + 4 + name.getBytes(UTF_8).length + 4 + 4);
    }
}
