package org.confab.server.account;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id (RFC 9106, version 0x13) over memory that it keeps from one hash to the next.
 * BouncyCastle's generator allocates its m KiB afresh for every hash, as 1 KiB objects: at the
 * default 19 MiB that is garbage enough to make every login cost the I/O threads a collection.
 * One instance hashes on one thread at a time; its memory grows to the largest m it was asked for
 * and is zeroed after each hash.
 */
final class Argon2id {

    private static final int BLOCK_LONGS = 128;
    private static final int BLOCK_BYTES = BLOCK_LONGS * 8;
    private static final int SYNC_POINTS = 4;
    private static final int ADDRESSES_PER_BLOCK = BLOCK_LONGS;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    /** The most one Java array of longs can hold: 16 GiB. */
    private static final int MAX_MEMORY_KIB = Integer.MAX_VALUE / BLOCK_LONGS;

    private long[] memory = new long[0];
    // Scratch blocks of the compression function and of the address generator.
    private final long[] r = new long[BLOCK_LONGS];
    private final long[] q = new long[BLOCK_LONGS];
    private final long[] input = new long[BLOCK_LONGS];
    private final long[] addresses = new long[BLOCK_LONGS];
    private final long[] zero = new long[BLOCK_LONGS];

    /** The tag of {@code password}; {@code secret} and {@code associated} may be empty. */
    byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associated,
            int memoryKib, int iterations, int lanes, int tagLength) {
        if (lanes < 1 || iterations < 1 || tagLength < 4 || memoryKib < 8 * lanes || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
        int segmentLength = memoryKib / (lanes * SYNC_POINTS);
        int laneLength = segmentLength * SYNC_POINTS;
        int blocks = laneLength * lanes;
        if (memory.length < blocks * BLOCK_LONGS) {
            memory = new long[blocks * BLOCK_LONGS];
        }
        try {
            byte[] h0 = initialHash(password, salt, secret, associated, memoryKib, iterations, lanes, tagLength);
            Layout layout = new Layout(lanes, laneLength, segmentLength, blocks, iterations);
            fillFirstBlocks(h0, layout);
            for (int pass = 0; pass < iterations; pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    for (int lane = 0; lane < lanes; lane++) {
                        fillSegment(layout, pass, slice, lane);
                    }
                }
            }
            long[] last = Arrays.copyOfRange(memory, (laneLength - 1) * BLOCK_LONGS, laneLength * BLOCK_LONGS);
            for (int lane = 1; lane < lanes; lane++) {
                int offset = (lane * laneLength + laneLength - 1) * BLOCK_LONGS;
                for (int i = 0; i < BLOCK_LONGS; i++) {
                    last[i] ^= memory[offset + i];
                }
            }
            return variableHash(toBytes(last, 0), tagLength);
        } finally {
            Arrays.fill(memory, 0, blocks * BLOCK_LONGS, 0L);
        }
    }

    private record Layout(int lanes, int laneLength, int segmentLength, int blocks, int iterations) {
    }

    private static byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associated,
            int memoryKib, int iterations, int lanes, int tagLength) {
        Blake2bDigest blake = new Blake2bDigest(512);
        for (int value : new int[] {lanes, tagLength, memoryKib, iterations, VERSION, TYPE_ID}) {
            update(blake, value);
        }
        for (byte[] field : new byte[][] {password, salt, secret, associated}) {
            update(blake, field.length);
            blake.update(field, 0, field.length);
        }
        byte[] h0 = new byte[64];
        blake.doFinal(h0, 0);
        return h0;
    }

    private void fillFirstBlocks(byte[] h0, Layout layout) {
        byte[] seed = Arrays.copyOf(h0, 72);
        for (int lane = 0; lane < layout.lanes(); lane++) {
            writeLe32(seed, 68, lane);
            for (int column = 0; column < 2; column++) {
                writeLe32(seed, 64, column);
                fromBytes(variableHash(seed, BLOCK_BYTES), memory, (lane * layout.laneLength() + column) * BLOCK_LONGS);
            }
        }
    }

    private void fillSegment(Layout layout, int pass, int slice, int lane) {
        boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
        int start = pass == 0 && slice == 0 ? 2 : 0;
        if (independent) {
            Arrays.fill(input, 0L);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = layout.blocks();
            input[4] = layout.iterations();
            input[5] = TYPE_ID;
            if (start != 0) {
                nextAddresses();
            }
        }
        int laneStart = lane * layout.laneLength();
        for (int index = start; index < layout.segmentLength(); index++) {
            int column = slice * layout.segmentLength() + index;
            int current = laneStart + column;
            int previous = column == 0 ? laneStart + layout.laneLength() - 1 : current - 1;
            long pseudoRandom;
            if (independent) {
                if (index % ADDRESSES_PER_BLOCK == 0) {
                    nextAddresses();
                }
                pseudoRandom = addresses[index % ADDRESSES_PER_BLOCK];
            } else {
                pseudoRandom = memory[previous * BLOCK_LONGS];
            }
            int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % layout.lanes());
            int refColumn = referenceColumn(layout, pass, slice, index, refLane == lane, pseudoRandom & 0xFFFFFFFFL);
            compress(memory, previous * BLOCK_LONGS, memory, (refLane * layout.laneLength() + refColumn) * BLOCK_LONGS,
                    memory, current * BLOCK_LONGS, pass > 0);
        }
    }

    /** RFC 9106 section 3.4.2: which earlier block of the reference lane this one mixes in. */
    private static int referenceColumn(Layout layout, int pass, int slice, int index, boolean sameLane, long j1) {
        int segment = layout.segmentLength();
        int finished = pass == 0 ? slice * segment : layout.laneLength() - segment;
        int areaSize = sameLane ? finished + index - 1 : finished + (index == 0 ? -1 : 0);
        long x = (j1 * j1) >>> 32;
        long relative = areaSize - 1 - ((areaSize * x) >>> 32);
        int startPosition = pass == 0 ? 0 : ((slice + 1) * segment) % layout.laneLength();
        return (int) ((startPosition + relative) % layout.laneLength());
    }

    private void nextAddresses() {
        input[6]++;
        compress(zero, 0, input, 0, addresses, 0, false);
        compress(zero, 0, addresses, 0, addresses, 0, false);
    }

    /** The compression function G: out = P(x ^ y) ^ (x ^ y), xored into out's old value if {@code xorOld}. */
    private void compress(long[] xs, int x, long[] ys, int y, long[] out, int o, boolean xorOld) {
        for (int i = 0; i < BLOCK_LONGS; i++) {
            r[i] = xs[x + i] ^ ys[y + i];
        }
        System.arraycopy(r, 0, q, 0, BLOCK_LONGS);
        for (int i = 0; i < 8; i++) {
            int b = 16 * i;
            permute(q, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7,
                    b + 8, b + 9, b + 10, b + 11, b + 12, b + 13, b + 14, b + 15);
        }
        for (int i = 0; i < 8; i++) {
            int b = 2 * i;
            permute(q, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49,
                    b + 64, b + 65, b + 80, b + 81, b + 96, b + 97, b + 112, b + 113);
        }
        if (xorOld) {
            for (int i = 0; i < BLOCK_LONGS; i++) {
                out[o + i] ^= q[i] ^ r[i];
            }
        } else {
            for (int i = 0; i < BLOCK_LONGS; i++) {
                out[o + i] = q[i] ^ r[i];
            }
        }
    }

    /** Blake2b's round on 16 words of {@code v}, with BlaMka's multiplications (RFC 9106 section 3.6). */
    private static void permute(long[] v, int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
            int i8, int i9, int i10, int i11, int i12, int i13, int i14, int i15) {
        mix(v, i0, i4, i8, i12);
        mix(v, i1, i5, i9, i13);
        mix(v, i2, i6, i10, i14);
        mix(v, i3, i7, i11, i15);
        mix(v, i0, i5, i10, i15);
        mix(v, i1, i6, i11, i12);
        mix(v, i2, i7, i8, i13);
        mix(v, i3, i4, i9, i14);
    }

    private static void mix(long[] v, int a, int b, int c, int d) {
        long va = v[a], vb = v[b], vc = v[c], vd = v[d];
        va = blaMka(va, vb);
        vd = Long.rotateRight(vd ^ va, 32);
        vc = blaMka(vc, vd);
        vb = Long.rotateRight(vb ^ vc, 24);
        va = blaMka(va, vb);
        vd = Long.rotateRight(vd ^ va, 16);
        vc = blaMka(vc, vd);
        vb = Long.rotateRight(vb ^ vc, 63);
        v[a] = va;
        v[b] = vb;
        v[c] = vc;
        v[d] = vd;
    }

    private static long blaMka(long a, long b) {
        return a + b + 2 * (a & 0xFFFFFFFFL) * (b & 0xFFFFFFFFL);
    }

    /** H' of RFC 9106 section 3.3: Blake2b stretched to any length. */
    private static byte[] variableHash(byte[] in, int length) {
        byte[] out = new byte[length];
        byte[] prefix = new byte[4];
        writeLe32(prefix, 0, length);
        if (length <= 64) {
            Blake2bDigest blake = new Blake2bDigest(length * 8);
            blake.update(prefix, 0, 4);
            blake.update(in, 0, in.length);
            blake.doFinal(out, 0);
            return out;
        }
        byte[] v = new byte[64];
        Blake2bDigest blake = new Blake2bDigest(512);
        blake.update(prefix, 0, 4);
        blake.update(in, 0, in.length);
        blake.doFinal(v, 0);
        int written = 0;
        while (length - written > 64) {
            System.arraycopy(v, 0, out, written, 32);
            written += 32;
            blake.update(v, 0, 64);
            if (length - written > 64) {
                blake.doFinal(v, 0);
            }
        }
        Blake2bDigest lastDigest = new Blake2bDigest((length - written) * 8);
        lastDigest.update(v, 0, 64);
        lastDigest.doFinal(out, written);
        return out;
    }

    private static void update(Blake2bDigest blake, int value) {
        byte[] le = new byte[4];
        writeLe32(le, 0, value);
        blake.update(le, 0, 4);
    }

    private static void writeLe32(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    private static byte[] toBytes(long[] block, int at) {
        byte[] out = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_LONGS; i++) {
            long w = block[at + i];
            for (int k = 0; k < 8; k++) {
                out[8 * i + k] = (byte) (w >>> (8 * k));
            }
        }
        return out;
    }

    private static void fromBytes(byte[] bytes, long[] block, int at) {
        for (int i = 0; i < BLOCK_LONGS; i++) {
            long w = 0;
            for (int k = 7; k >= 0; k--) {
                w = (w << 8) | (bytes[8 * i + k] & 0xFF);
            }
            block[at + i] = w;
        }
    }
}
