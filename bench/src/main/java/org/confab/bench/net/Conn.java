package org.confab.bench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A client socket on one {@link Loop}: non-blocking connect, reads handed to a {@link Handler},
 * and a write queue flushed when the socket accepts more. Confined to its loop's thread.
 */
public final class Conn implements Loop.Selectable {

    /** The protocol on top of the socket. */
    public interface Handler {
        void connected(Conn conn);

        /** Consumes what it can of {@code in}; what is left is handed back with the next read. */
        void received(Conn conn, ByteBuffer in);

        /** The write queue ran empty: a flooding sender may produce more. */
        default void drained(Conn conn) {
        }

        void closed(Conn conn, String why);
    }

    private static final int MAX_GATHER = 64;

    private final Loop loop;
    private final SocketChannel channel;
    private final Handler handler;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(0);
    private SelectionKey key;
    private ByteBuffer leftover;
    private long queuedBytes;
    private boolean closed;

    private Conn(Loop loop, SocketChannel channel, Handler handler) {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
    }

    /**
     * Opens a connection on {@code loop}'s thread; {@code source}, when not null, is the local
     * address to bind first (spreading clients over 127.0.0.x spreads their ephemeral ports).
     */
    public static void open(Loop loop, InetSocketAddress target, InetSocketAddress source, Handler handler) {
        loop.execute(() -> {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (source != null) {
                    channel.bind(source);
                }
                Conn conn = new Conn(loop, channel, handler);
                if (channel.connect(target)) {
                    conn.key = channel.register(loop.selector(), SelectionKey.OP_READ, conn);
                    handler.connected(conn);
                } else {
                    conn.key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, conn);
                }
            } catch (IOException e) {
                closeQuietly(channel);
                handler.closed(null, "connect: " + e.getMessage());
            }
        });
    }

    /** Takes over a connection a listening socket accepted (the direct-copy baseline's server end). */
    public static void adopt(Loop loop, SocketChannel accepted, Handler handler) {
        loop.execute(() -> {
            try {
                accepted.configureBlocking(false);
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Conn conn = new Conn(loop, accepted, handler);
                conn.key = accepted.register(loop.selector(), SelectionKey.OP_READ, conn);
                handler.connected(conn);
            } catch (IOException e) {
                closeQuietly(accepted);
                handler.closed(null, "accept: " + e.getMessage());
            }
        });
    }

    public Loop loop() {
        return loop;
    }

    /** Bytes written by the handler that the socket has not yet taken. */
    public long queuedBytes() {
        return queuedBytes;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void ready(SelectionKey k) {
        try {
            if (k.isConnectable()) {
                channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ);
                handler.connected(this);
                return;
            }
            if (k.isReadable()) {
                read();
            }
            if (!closed && k.isValid() && k.isWritable()) {
                flush();
            }
        } catch (IOException e) {
            close(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void read() throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        // Read until the socket is empty, but give other connections a turn after a few rounds.
        for (int round = 0; round < 4 && !closed; round++) {
            buffer.clear();
            if (leftover != null) {
                buffer.put(leftover);
                leftover = null;
            }
            int n = channel.read(buffer);
            boolean full = !buffer.hasRemaining();
            buffer.flip();
            if (buffer.hasRemaining()) {
                handler.received(this, buffer);
                if (!closed && buffer.hasRemaining()) {
                    leftover = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                }
            }
            if (n < 0) {
                close("closed by peer");
                return;
            }
            if (!full) {
                return;
            }
        }
    }

    /** Queues bytes and writes what the socket takes now; {@code bytes} must not change afterwards. */
    public void write(ByteBuffer bytes) {
        if (closed) {
            return;
        }
        if (queue.isEmpty()) {
            try {
                channel.write(bytes);
            } catch (IOException e) {
                close(e.getMessage());
                return;
            }
            if (!bytes.hasRemaining()) {
                return;
            }
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
        queue.add(bytes);
        queuedBytes += bytes.remaining();
    }

    private void flush() throws IOException {
        while (!queue.isEmpty()) {
            ByteBuffer[] batch = queue.stream().limit(MAX_GATHER).toArray(ByteBuffer[]::new);
            long written = channel.write(batch);
            queuedBytes -= written;
            while (!queue.isEmpty() && !queue.peek().hasRemaining()) {
                queue.poll();
            }
            if (written == 0 || !queue.isEmpty() && batch.length < MAX_GATHER) {
                return;
            }
        }
        key.interestOps(SelectionKey.OP_READ);
        handler.drained(this);
    }

    public void close(String why) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queuedBytes = 0;
        if (key != null) {
            key.cancel();
        }
        closeQuietly(channel);
        handler.closed(this, why);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
    }
}
