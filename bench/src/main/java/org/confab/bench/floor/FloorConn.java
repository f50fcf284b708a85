package org.confab.bench.floor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.confab.bench.dm.DmWire;
import org.confab.bench.net.Loop;

/**
 * One client of the floor server. Reads happen on the owning loop; writes come from whichever
 * loop is fanning out a line, so the write path is synchronized: write straight to the socket
 * when nothing is queued, else queue and let the owning loop flush.
 */
final class FloorConn implements Loop.Selectable, DmWire.Listener {

    /** Like Confab's session.max-outbound-bytes: a client that stops reading is dropped. */
    private static final long MAX_QUEUED_BYTES = 1 << 20;

    private final SocketChannel channel;
    private final Loop loop;
    private final DmWire wire;
    private final FloorCommands commands;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(0);
    private SelectionKey key;
    private ByteBuffer leftover;
    private long queuedBytes;
    private boolean closed;
    private boolean gone;
    // Read-side state, touched only by the owning loop.
    String user;
    FloorRoom room;

    FloorConn(SocketChannel channel, Loop loop, DmWire wire, FloorCommands commands) {
        this.channel = channel;
        this.loop = loop;
        this.wire = wire;
        this.commands = commands;
    }

    /** On the owning loop. */
    void register() throws IOException {
        key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
        byte[] opening = wire.opening();
        if (opening.length > 0) {
            raw(opening);
        }
        if (wire.ready()) {
            wireReady();
        }
    }

    @Override
    public void ready(SelectionKey k) {
        try {
            if (k.isReadable()) {
                read();
            }
            if (k.isValid() && k.isWritable()) {
                flush();
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    private void read() throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        buffer.clear();
        if (leftover != null) {
            buffer.put(leftover);
            leftover = null;
        }
        int n = channel.read(buffer);
        buffer.flip();
        wire.received(buffer, this);
        if (buffer.hasRemaining()) {
            leftover = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
        }
        if (n < 0) {
            close();
        }
    }

    @Override
    public void line(ByteBuffer buf, int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes);
        commands.handle(this, new String(bytes, StandardCharsets.UTF_8).strip());
    }

    @Override
    public void wireReady() {
        send(OutLine.of(FloorCommands.GREETING));
    }

    @Override
    public void raw(byte[] bytes) {
        enqueue(ByteBuffer.wrap(bytes));
    }

    void send(OutLine line) {
        if (wire instanceof org.confab.bench.dm.PlainWire) {
            enqueue(ByteBuffer.wrap(line.plainBytes()));
        } else {
            synchronized (this) {
                // The frame codec is not meant for concurrent encoders; framing and queueing stay in order.
                enqueue(ByteBuffer.wrap(wire.frame(line.text())));
            }
        }
    }

    private synchronized void enqueue(ByteBuffer bytes) {
        if (closed) {
            return;
        }
        if (queue.isEmpty()) {
            try {
                channel.write(bytes);
            } catch (IOException e) {
                closeLater();
                return;
            }
            if (!bytes.hasRemaining()) {
                return;
            }
            loop.execute(() -> {
                if (key.isValid()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
            });
        }
        queue.add(bytes);
        queuedBytes += bytes.remaining();
        if (queuedBytes > MAX_QUEUED_BYTES) {
            closeLater();
        }
    }

    private synchronized void flush() throws IOException {
        while (!queue.isEmpty()) {
            ByteBuffer head = queue.peek();
            int n = channel.write(head);
            queuedBytes -= n;
            if (head.hasRemaining()) {
                return;
            }
            queue.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    private void closeLater() {
        closed = true;
        loop.execute(this::close);
    }

    /** On the owning loop. */
    void close() {
        if (gone) {
            return;
        }
        gone = true;
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Already gone.
        }
        commands.left(this);
    }
}
