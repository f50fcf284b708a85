package org.confab.binary;

import java.util.Arrays;

/**
 * 273, both directions: a piece of a file. Chunks over {@link VcomLimits#maxChunkBytes()} still
 * decode; rejecting them is the server's job (it aborts the transfer). The array is copied in and
 * out so that the record stays immutable; {@link #toString()} hides the content.
 */
public record FileChunk(int transferId, byte[] data) implements VcomPacket {

    public static final int ID = 273;

    public FileChunk {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int id() {
        return ID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChunk other && transferId == other.transferId && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * transferId + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FileChunk[transferId=" + transferId + ", data=<" + data.length + " bytes>]";
    }
}
