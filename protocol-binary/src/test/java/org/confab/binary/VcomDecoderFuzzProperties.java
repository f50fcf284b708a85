package org.confab.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.confab.binary.VcomProtocolException.Reason;
import org.confab.binary.Wire.Direction;

/**
 * Hostile input: whatever arrives, the decoder returns packets within its limits, waits, or throws
 * {@link VcomProtocolException}; it never throws anything else and never allocates out of proportion
 * to the bytes actually present.
 */
class VcomDecoderFuzzProperties {

    /** Generous per input byte (decoded strings and lists cost objects), tiny next to an unchecked length. */
    private static final long ALLOCATION_PER_BYTE = 64;
    private static final long ALLOCATION_BASE = 64 * 1024;

    private final VcomEncoder encoder = new VcomEncoder();

    /** Tight limits make the limit checks fire; unlimited ones leave only the completeness checks in the way. */
    @Provide
    Arbitrary<VcomLimits> limits() {
        return Arbitraries.of(
                VcomLimits.defaults(),
                new VcomLimits(16, 64, 4, 16),
                new VcomLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 1024));
    }

    @Provide
    Arbitrary<VcomPacket> packets() {
        return PacketArbitraries.packets();
    }

    @Property(tries = 1000)
    void randomBytes(@ForAll Direction direction, @ForAll("limits") VcomLimits limits,
            @ForAll @Size(max = 300) byte[] stream) {
        assertDecodesSafely(direction, limits, stream);
    }

    @Property(tries = 1500)
    void randomBytesAfterAKnownIdentifier(@ForAll Direction direction, @ForAll("limits") VcomLimits limits,
            @ForAll @IntRange(min = 256, max = 274) int id, @ForAll @Size(max = 300) byte[] body) {
        byte[] stream = ByteBuffer.allocate(4 + body.length).putInt(id).put(body).array();

        assertDecodesSafely(direction, limits, stream);
    }

    @Property(tries = 2000)
    void mutatedValidStreams(@ForAll Direction direction, @ForAll("limits") VcomLimits limits,
            @ForAll @Size(min = 1, max = 5) List<@From("packets") VcomPacket> packets,
            @ForAll @Size(min = 1, max = 4) List<@From("mutations") Mutation> mutations) {
        byte[] stream = encodeAll(packets);
        for (Mutation mutation : mutations) {
            stream = mutation.applyTo(stream);
        }

        assertDecodesSafely(direction, limits, stream);
    }

    @Property(tries = 1000)
    void cuttingAStreamIntoPiecesNeverChangesWhatIsDecoded(@ForAll Direction direction,
            @ForAll("limits") VcomLimits limits,
            @ForAll @Size(min = 1, max = 5) List<@From("packets") VcomPacket> packets,
            @ForAll @Size(max = 3) List<@From("mutations") Mutation> mutations,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 50) Integer> pieceSizes) {
        byte[] stream = encodeAll(packets);
        for (Mutation mutation : mutations) {
            stream = mutation.applyTo(stream);
        }

        Outcome whole = decodeAll(Wire.decoder(direction, limits), ByteBuffer.wrap(stream));
        Outcome pieces = decodeInPieces(Wire.decoder(direction, limits), stream, pieceSizes);

        assertThat(pieces).isEqualTo(whole);
    }

    /** Damage a fuzzer would do to a valid stream; positions wrap around the stream's length. */
    record Mutation(Kind kind, int position, int value) {
        enum Kind { FLIP_BIT, TRUNCATE, DUPLICATE_RANGE, OVERWRITE_INT, INSERT_INT }

        byte[] applyTo(byte[] stream) {
            if (stream.length == 0) {
                return stream;
            }
            int at = Math.floorMod(position, stream.length);
            return switch (kind) {
                case FLIP_BIT -> {
                    byte[] copy = stream.clone();
                    copy[at] ^= (byte) (1 << Math.floorMod(value, 8));
                    yield copy;
                }
                case TRUNCATE -> Arrays.copyOf(stream, at);
                case DUPLICATE_RANGE -> {
                    int length = Math.min(stream.length - at, 1 + Math.floorMod(value, 16));
                    yield ByteBuffer.allocate(stream.length + length)
                            .put(stream, 0, at + length).put(stream, at, stream.length - at).array();
                }
                case OVERWRITE_INT -> {
                    if (stream.length < 4) {
                        yield stream;
                    }
                    byte[] copy = stream.clone();
                    ByteBuffer.wrap(copy).putInt(Math.min(at, stream.length - 4), value);
                    yield copy;
                }
                case INSERT_INT -> ByteBuffer.allocate(stream.length + 4)
                        .put(stream, 0, at).putInt(value).put(stream, at, stream.length - at).array();
            };
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        // Lengths and counts just over the default limits, signs flipped, and sizes no heap could hold.
        Arbitrary<Integer> hostileInts = Arbitraries.oneOf(
                Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1, 1 << 30, 0x7fff0000,
                        4097, 10_001, 65_537, Integer.MAX_VALUE - 8),
                Arbitraries.integers());
        return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.integers().between(0, 10_000),
                hostileInts).as(Mutation::new);
    }

    /** How a decoding run ended: the packets returned, then the error, or null if it waited for more bytes. */
    record Outcome(List<VcomPacket> packets, Reason error, int consumed) {
    }

    private static void assertDecodesSafely(Direction direction, VcomLimits limits, byte[] stream) {
        Outcome[] outcome = new Outcome[1];

        long allocated = AllocatedBytes.ofSecondRun(
                () -> outcome[0] = decodeAll(Wire.decoder(direction, limits), ByteBuffer.wrap(stream)));

        assertThat(allocated).isLessThanOrEqualTo(ALLOCATION_BASE + ALLOCATION_PER_BYTE * stream.length);
        assertThat(outcome[0].packets()).allSatisfy(p -> assertWithinLimits(p, limits));
    }

    /**
     * Decodes until the decoder waits or rejects; any throwable but VcomProtocolException escapes and fails the
     * property. Checks here throw plain AssertionErrors, so that AssertJ's allocation is not measured.
     */
    private static Outcome decodeAll(VcomDecoder decoder, ByteBuffer in) {
        List<VcomPacket> packets = new ArrayList<>();
        while (true) {
            int before = in.position();
            VcomPacket packet = null;
            Reason error = null;
            try {
                packet = decoder.decode(in);
            } catch (VcomProtocolException e) {
                error = e.reason();
            }
            if (packet == null) {
                if (in.position() != before) {
                    throw new AssertionError("position moved without a packet: " + before + " -> " + in.position());
                }
                return new Outcome(packets, error, before);
            }
            // The smallest packet is an identifier and one byte; anything less would mean bytes read twice.
            if (in.position() - before < 5) {
                throw new AssertionError("packet of " + (in.position() - before) + " bytes: " + packet);
            }
            packets.add(packet);
        }
    }

    private static Outcome decodeInPieces(VcomDecoder decoder, byte[] stream, List<Integer> pieceSizes) {
        ByteBuffer in = ByteBuffer.wrap(stream);
        List<VcomPacket> packets = new ArrayList<>();
        int arrived = 0;
        for (int piece = 0; ; piece++) {
            arrived = Math.min(stream.length, arrived + pieceSizes.get(piece % pieceSizes.size()));
            in.limit(arrived);
            Outcome partial = decodeAll(decoder, in);
            packets.addAll(partial.packets());
            if (partial.error() != null || arrived == stream.length) {
                return new Outcome(packets, partial.error(), partial.consumed());
            }
        }
    }

    /** Strings are checked in chars: each wire byte decodes to at most one char, replacements included. */
    private static void assertWithinLimits(VcomPacket packet, VcomLimits limits) {
        for (RecordComponent component : packet.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(packet);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (value instanceof String s) {
                assertThat(s.length()).isLessThanOrEqualTo(limits.maxStringBytes());
            } else if (value instanceof byte[] bytes) {
                int limit = component.getName().equals("password") ? limits.maxStringBytes() : limits.maxDataBytes();
                assertThat(bytes.length).as(component.getName()).isLessThanOrEqualTo(limit);
            } else if (value instanceof List<?> list) {
                assertListWithinLimits(list, limits);
            } else if (value instanceof ListSync sync) {
                assertListWithinLimits(sync.userIds(), limits);
            }
        }
    }

    private static void assertListWithinLimits(List<?> list, VcomLimits limits) {
        assertThat(list).hasSizeLessThanOrEqualTo(limits.maxListEntries());
        assertThat(list).allSatisfy(
                s -> assertThat(((String) s).length()).isLessThanOrEqualTo(limits.maxStringBytes()));
    }

    private byte[] encodeAll(List<VcomPacket> packets) {
        ByteBuffer out = ByteBuffer.allocate(packets.stream().mapToInt(encoder::encodedSize).sum());
        packets.forEach(p -> encoder.encode(p, out));
        return out.array();
    }
}
