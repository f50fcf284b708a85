package org.confab.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.confab.binary.VcomProtocolException.Reason;
import org.confab.binary.Wire.Direction;
import org.confab.binary.Wire.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class VcomDecoderFragmentationTest {

    static List<Sample> samples() {
        return Wire.SAMPLES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aPacketFedOneByteAtATimeAppearsOnlyWithItsLastByte(Sample sample) {
        byte[] wire = sample.bytes();
        Direction direction = Wire.directionsOf(sample.packet().id()).iterator().next();
        VcomDecoder decoder = Wire.decoder(direction);
        // A growing limit over one array is what a cumulative transport buffer looks like to the decoder.
        ByteBuffer in = ByteBuffer.wrap(wire);

        for (int arrived = 0; arrived < wire.length; arrived++) {
            in.limit(arrived);
            assertThat(decoder.decode(in)).as("after %d of %d bytes", arrived, wire.length).isNull();
            assertThat(in.position()).isZero();
        }
        in.limit(wire.length);

        assertThat(decoder.decode(in)).isEqualTo(sample.packet());
        assertThat(in.hasRemaining()).as("bytes left over").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void aStreamOfPacketsDecodesInOrderFromOneBuffer(Direction direction) {
        List<Sample> stream = samplesTravelling(direction);

        VcomDecoder decoder = Wire.decoder(direction);
        ByteBuffer in = ByteBuffer.wrap(concat(stream));
        List<VcomPacket> decoded = new ArrayList<>();
        for (VcomPacket p = decoder.decode(in); p != null; p = decoder.decode(in)) {
            decoded.add(p);
        }

        assertThat(decoded).containsExactlyElementsOf(stream.stream().map(Sample::packet).toList());
        assertThat(in.hasRemaining()).as("bytes left over").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void aStreamOfPacketsFedOneByteAtATimeDecodesInOrder(Direction direction) {
        List<Sample> stream = samplesTravelling(direction);
        byte[] wire = concat(stream);

        VcomDecoder decoder = Wire.decoder(direction);
        ByteBuffer in = ByteBuffer.wrap(wire);
        List<VcomPacket> decoded = new ArrayList<>();
        for (int arrived = 0; arrived <= wire.length; arrived++) {
            in.limit(arrived);
            for (VcomPacket p = decoder.decode(in); p != null; p = decoder.decode(in)) {
                decoded.add(p);
            }
        }

        assertThat(decoded).containsExactlyElementsOf(stream.stream().map(Sample::packet).toList());
        assertThat(in.position()).isEqualTo(wire.length);
    }

    @Test
    void aCompletePacketIsReturnedWhileTheNextIsStillArriving() {
        byte[] wire = Wire.bytes("00000110 00000009" + "00000111 00000009 00000004 dead");
        VcomDecoder decoder = Wire.decoder(Direction.CLIENT_TO_SERVER);
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertThat(decoder.decode(in)).isEqualTo(new FileTransferAccept(9));
        assertThat(decoder.decode(in)).isNull();
        assertThat(in.position()).isEqualTo(8);
    }

    @Test
    void aBrokenFieldArrivingAfterAnIncompleteReadIsStillRejected() {
        // The decoder remembers how much the packet needs; bytes that complete that much must still be checked.
        byte[] wire = Wire.bytes("00000104 02 00000002 00000001 61 ffffffff");
        VcomDecoder decoder = Wire.decoder(Direction.CLIENT_TO_SERVER);
        ByteBuffer in = ByteBuffer.wrap(wire);

        in.limit(wire.length - 2);
        assertThat(decoder.decode(in)).isNull();
        in.limit(wire.length);

        assertThatThrownBy(() -> decoder.decode(in))
                .isInstanceOfSatisfying(VcomProtocolException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NEGATIVE_LENGTH));
    }

    private static List<Sample> samplesTravelling(Direction direction) {
        return Wire.SAMPLES.stream().filter(s -> Wire.directionsOf(s.packet().id()).contains(direction)).toList();
    }

    private static byte[] concat(List<Sample> samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.stream().mapToInt(s -> s.bytes().length).sum());
        samples.forEach(s -> out.put(s.bytes()));
        return out.array();
    }
}
