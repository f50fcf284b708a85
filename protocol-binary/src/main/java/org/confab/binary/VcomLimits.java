package org.confab.binary;

/**
 * Upper bounds the decoder enforces on lengths read from the wire, in bytes or entries.
 *
 * <p>{@code maxChunkBytes} is not a decoding limit: a longer chunk within {@code maxDataBytes}
 * still decodes, and the server aborts that transfer instead of closing the connection.
 */
public record VcomLimits(int maxStringBytes, int maxDataBytes, int maxListEntries, int maxChunkBytes) {

    public VcomLimits {
        requirePositive("maxStringBytes", maxStringBytes);
        requirePositive("maxDataBytes", maxDataBytes);
        requirePositive("maxListEntries", maxListEntries);
        requirePositive("maxChunkBytes", maxChunkBytes);
        if (maxChunkBytes > maxDataBytes) {
            // A chunk is carried as message data; a larger chunk limit could never be reached.
            throw new IllegalArgumentException(
                    "maxChunkBytes " + maxChunkBytes + " exceeds maxDataBytes " + maxDataBytes);
        }
    }

    /** The spec's limits: 4 KiB strings and passwords, 64 KiB data, 10,000 list entries, 1 KiB chunks. */
    public static VcomLimits defaults() {
        return new VcomLimits(4096, 65536, 10_000, 1024);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
