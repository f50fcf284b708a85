package org.confab.bench.work;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.confab.bench.net.Conn;
import org.confab.binary.FileChunk;

/**
 * A file's bytes as 1024-byte chunks (the vCom maximum), written in batches while the socket
 * keeps up: a batch goes out only when the previous one has left the generator.
 */
final class ChunkStream {

    static final int CHUNK = 1024;
    private static final int CHUNKS_PER_BATCH = 16;

    private final Conn conn;
    private final int transferId;
    private final long size;
    private final Consumer<List<FileChunk>> out;
    private final Runnable whenSent;
    private long offset;

    ChunkStream(Conn conn, int transferId, long size, Consumer<List<FileChunk>> out, Runnable whenSent) {
        this.conn = conn;
        this.transferId = transferId;
        this.size = size;
        this.out = out;
        this.whenSent = whenSent;
    }

    /** The byte at {@code offset} of the test file: a pattern, so the receiver can check what it got. */
    static byte byteAt(long offset) {
        return (byte) (offset % 251);
    }

    /** On the connection's loop; call again whenever the connection drains. */
    void pump() {
        if (offset == size || conn.isClosed() || conn.queuedBytes() > 0) {
            return;
        }
        List<FileChunk> batch = new ArrayList<>(CHUNKS_PER_BATCH);
        while (batch.size() < CHUNKS_PER_BATCH && offset < size) {
            int n = (int) Math.min(CHUNK, size - offset);
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = byteAt(offset + i);
            }
            offset += n;
            batch.add(new FileChunk(transferId, data));
        }
        out.accept(batch);
        if (offset == size) {
            whenSent.run();
        } else {
            conn.loop().execute(this::pump);
        }
    }
}
