package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.List;
import org.confab.binary.VcomProtocolException.Reason;

/**
 * Reads vCom's field types from a big-endian buffer, checking every length read from the wire
 * against its limit before anything else happens.
 *
 * <p>A scanning reader only proves that a whole packet is present: it skips the bytes of strings,
 * byte arrays and lists, returns empty placeholders, and signals {@link Incomplete} when bytes are
 * missing. A building reader, run only after a scan succeeded, allocates and reads them. Both run
 * the same layout code in {@link VcomDecoder}, so that no array is ever allocated for a packet that
 * has not fully arrived.
 */
final class WireReader {

    /** Control flow of the scanning pass only; stackless because it is thrown on every short read. */
    static final class Incomplete extends RuntimeException {
        static final Incomplete INSTANCE = new Incomplete();

        private Incomplete() {
            super(null, null, false, false);
        }
    }

    private static final byte[] NO_BYTES = {};

    private final ByteBuffer in;
    private final int start;
    private final boolean scanning;
    private final VcomLimits limits;
    private int packetId;
    private long needed;

    private WireReader(ByteBuffer in, boolean scanning, VcomLimits limits) {
        this.in = in;
        this.start = in.position();
        this.scanning = scanning;
        this.limits = limits;
    }

    /** {@code in} must be big-endian and owned by the reader: its position moves. */
    static WireReader scanning(ByteBuffer in, VcomLimits limits) {
        return new WireReader(in, true, limits);
    }

    static WireReader building(ByteBuffer in, VcomLimits limits) {
        return new WireReader(in, false, limits);
    }

    /** Reads the identifier, which every later error names. */
    int packetId() {
        packetId = int32();
        return packetId;
    }

    byte int8() {
        require(1);
        return in.get();
    }

    boolean bool() {
        return int8() != 0;
    }

    int int32() {
        require(4);
        return in.getInt();
    }

    long int64() {
        require(8);
        return in.getLong();
    }

    /** Invalid UTF-8 becomes U+FFFD: a user id the server cannot match is not a framing error. */
    String string() {
        int n = length(limits.maxStringBytes());
        if (scanning) {
            skip(n);
            return "";
        }
        return new String(take(n), UTF_8);
    }

    byte[] bytes(int limit) {
        int n = length(limit);
        if (scanning) {
            skip(n);
            return NO_BYTES;
        }
        return take(n);
    }

    List<String> strings() {
        int count = int32();
        if (count < 0) {
            throw error(Reason.NEGATIVE_COUNT, "list count " + count);
        }
        if (count > limits.maxListEntries()) {
            throw error(Reason.COUNT_OVER_LIMIT, "list count " + count + " > " + limits.maxListEntries());
        }
        if (scanning) {
            for (int i = 0; i < count; i++) {
                string();
            }
            return List.of();
        }
        String[] entries = new String[count];
        for (int i = 0; i < count; i++) {
            entries[i] = string();
        }
        return List.of(entries);
    }

    VcomProtocolException error(Reason reason, String detail) {
        return new VcomProtocolException(reason, packetId, detail);
    }

    int position() {
        return in.position();
    }

    /** After {@link Incomplete}: the bytes, from the packet's start, a rescan needs to get any further. */
    long needed() {
        return needed;
    }

    private int length(int limit) {
        int n = int32();
        if (n < 0) {
            throw error(Reason.NEGATIVE_LENGTH, "length " + n);
        }
        if (n > limit) {
            throw error(Reason.LENGTH_OVER_LIMIT, "length " + n + " > " + limit);
        }
        require(n);
        return n;
    }

    private void require(int n) {
        if (in.remaining() < n) {
            needed = (long) in.position() - start + n;
            throw Incomplete.INSTANCE;
        }
    }

    private void skip(int n) {
        in.position(in.position() + n);
    }

    private byte[] take(int n) {
        byte[] bytes = new byte[n];
        in.get(bytes);
        return bytes;
    }
}
