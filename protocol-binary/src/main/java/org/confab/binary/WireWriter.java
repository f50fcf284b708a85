package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes vCom's field types big-endian, or only counts their bytes: {@link VcomEncoder} runs the
 * same layout code through both, so that the size it reports is the size it writes.
 */
final class WireWriter {

    private final ByteBuffer out;
    private int size;

    private WireWriter(ByteBuffer out) {
        this.out = out;
    }

    static WireWriter counting() {
        return new WireWriter(null);
    }

    /** {@code out} must be big-endian. */
    static WireWriter into(ByteBuffer out) {
        return new WireWriter(out);
    }

    int size() {
        return size;
    }

    void int8(byte value) {
        count(1);
        if (out != null) {
            out.put(value);
        }
    }

    void bool(boolean value) {
        int8(value ? (byte) 1 : (byte) 0);
    }

    void int32(int value) {
        count(4);
        if (out != null) {
            out.putInt(value);
        }
    }

    void int64(long value) {
        count(8);
        if (out != null) {
            out.putLong(value);
        }
    }

    void string(String value) {
        if (out == null) {
            count(4);
            count(utf8Length(value));
        } else {
            bytes(value.getBytes(UTF_8));
        }
    }

    void bytes(byte[] value) {
        int32(value.length);
        count(value.length);
        if (out != null) {
            out.put(value);
        }
    }

    void strings(List<String> values) {
        int32(values.size());
        for (String value : values) {
            string(value);
        }
    }

    /**
     * {@code value.getBytes(UTF_8).length} without the copy. getBytes replaces an unpaired
     * surrogate by a single '?', so that is counted as one byte.
     */
    static int utf8Length(String value) {
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 1;
            } else {
                length += 3;
            }
        }
        return Math.toIntExact(length);
    }

    private void count(int n) {
        // Fail loudly rather than report a wrapped size for a packet no peer could accept anyway.
        size = Math.addExact(size, n);
    }
}
