package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.confab.binary.Wire.Direction;

class VcomRoundTripProperties {

    private final VcomEncoder encoder = new VcomEncoder();

    @Provide
    Arbitrary<VcomPacket> packets() {
        return PacketArbitraries.packets();
    }

    @Property(tries = 2000)
    void everyPacketDecodesToItselfInEveryDirectionItTravels(@ForAll("packets") VcomPacket packet) {
        byte[] wire = encoder.encode(packet);

        assertThat(wire).hasSize(encoder.encodedSize(packet));
        for (Direction direction : Wire.directionsOf(packet.id())) {
            ByteBuffer in = ByteBuffer.wrap(wire);
            assertThat(Wire.decoder(direction).decode(in)).isEqualTo(packet);
            assertThat(in.hasRemaining()).as("bytes left over").isFalse();
        }
    }

    @Property(tries = 500)
    void aStreamCutIntoArbitraryPiecesDecodesToTheSamePackets(
            @ForAll Direction direction,
            @ForAll @Size(max = 8) List<@From("packets") VcomPacket> packets,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> pieceSizes) {
        List<VcomPacket> travelling =
                packets.stream().filter(p -> Wire.directionsOf(p.id()).contains(direction)).toList();
        ByteBuffer in = ByteBuffer.wrap(encodeAll(travelling));
        VcomDecoder decoder = Wire.decoder(direction);
        List<VcomPacket> decoded = new ArrayList<>();

        int arrived = 0;
        for (int piece = 0; arrived < in.capacity(); piece++) {
            arrived = Math.min(in.capacity(), arrived + pieceSizes.get(piece % pieceSizes.size()));
            in.limit(arrived);
            for (VcomPacket p = decoder.decode(in); p != null; p = decoder.decode(in)) {
                decoded.add(p);
            }
        }

        assertThat(decoded).isEqualTo(travelling);
        assertThat(in.position()).isEqualTo(in.capacity());
    }

    @Provide
    Arbitrary<String> surrogateHeavyStrings() {
        // Pairs, lone high and lone low surrogates next to 1-, 2- and 3-byte characters.
        return Arbitraries.strings()
                .withChars('a', 'é', '€', '\uD83D', '\uDE00', '\uD800', '\uDFFF')
                .ofMaxLength(12);
    }

    @Property(tries = 1000)
    void theEncodedSizeCountsAStringAsTheUtf8BytesItIsWrittenAs(@ForAll("surrogateHeavyStrings") String name) {
        FileTransferRequest packet = new FileTransferRequest(name, 0, name);
        int expected = 4 + 2 * (4 + name.getBytes(UTF_8).length) + 4;

        assertThat(encoder.encodedSize(packet)).isEqualTo(expected);
        assertThat(encoder.encode(packet)).hasSize(expected);
    }

    private byte[] encodeAll(List<VcomPacket> packets) {
        ByteBuffer out = ByteBuffer.allocate(packets.stream().mapToInt(encoder::encodedSize).sum());
        packets.forEach(p -> encoder.encode(p, out));
        return out.array();
    }
}
